package org.medfetch.resolve.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks a server whether a link still leads somewhere, and to what, without downloading it: HEAD, or a
 * one-byte ranged GET for servers that refuse HEAD. Redirects are followed by hand so a permanent move
 * is seen, and a redirect to a sign-in page reads as "needs login". What answers is a page (HTML) or a
 * file (anything else, or an attachment). The one probe of medfetch: {@code add} (links no host claims),
 * {@code check} and the probe cache that listings read all come from here.
 */
public final class LinkProbe {

    public enum Verdict { ALIVE, MOVED, DEAD, NEEDS_LOGIN, ERROR }

    /**
     * @param status the last HTTP status, or 0 when no answer came
     * @param detail where it moved, or what went wrong
     * @param kind   page or file when the link is alive (or moved), else null
     * @param size   the file's size in bytes when the server said it (Content-Length of a HEAD, the total of
     *               a ranged answer's Content-Range), else -1
     */
    public record Result(Verdict verdict, int status, String detail, LinkKind kind, long size) {

        Result(Verdict verdict, int status, String detail) {
            this(verdict, status, detail, null, -1);
        }

        public Result(Verdict verdict, int status, String detail, LinkKind kind) {
            this(verdict, status, detail, kind, -1);
        }
    }

    private static final int MAX_REDIRECTS = 6;
    /** Never wait longer than this for a Retry-After: a link check should not stall on one host. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Supplier<OkHttpClient> shared;
    private OkHttpClient client;

    public LinkProbe(OkHttpClient client) {
        this(() -> client);
    }

    /** A probe whose client is made on the first probe: a resolver holds one even when nothing is probed. */
    public LinkProbe(Supplier<OkHttpClient> client) {
        this.shared = client;
    }

    private synchronized OkHttpClient client() {
        if (client == null) {
            client = shared.get().newBuilder().followRedirects(false).followSslRedirects(false).build();
        }
        return client;
    }

    public Result probe(URI link) {
        HttpUrl url = HttpUrl.parse(link.toString());
        if (url == null) {
            return new Result(Verdict.ERROR, 0, "not an http(s) URL");
        }
        boolean moved = false;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Answer answer;
            try {
                answer = ask(url, true);
                if (answer.status == 405 || answer.status == 501 || answer.status == 403 || answer.status == 400) {
                    answer = ask(url, false);
                }
                if (answer.status == 429) {
                    sleep(answer.retryAfter);
                    answer = ask(url, false);
                }
            } catch (IOException e) {
                return new Result(e instanceof java.net.UnknownHostException ? Verdict.DEAD : Verdict.ERROR, 0,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            int s = answer.status;
            if (s >= 300 && s < 400 && answer.location != null) {
                HttpUrl next = url.resolve(answer.location);
                if (next == null) {
                    return new Result(Verdict.ERROR, s, "redirect to an unusable location");
                }
                moved |= s == 301 || s == 308;
                url = next;
                if (looksLikeLogin(url)) {
                    return new Result(Verdict.NEEDS_LOGIN, s, "redirects to " + withoutQuery(url));
                }
                continue;
            }
            if (s >= 200 && s < 300) {
                return moved ? new Result(Verdict.MOVED, s, "now at " + withoutQuery(url), answer.kind, answer.size)
                        : new Result(Verdict.ALIVE, s, null, answer.kind, answer.size);
            }
            if (s == 401 || s == 403) {
                return new Result(Verdict.NEEDS_LOGIN, s, "answers " + s);
            }
            if (s == 404 || s == 410) {
                return new Result(Verdict.DEAD, s, "answers " + s);
            }
            return new Result(Verdict.ERROR, s, "answers " + s);
        }
        return new Result(Verdict.ERROR, 0, "more than " + MAX_REDIRECTS + " redirects");
    }

    private record Answer(int status, String location, Duration retryAfter, LinkKind kind, long size) {
    }

    private Answer ask(HttpUrl url, boolean head) throws IOException {
        Request.Builder request = new Request.Builder().url(url).header("User-Agent", "medfetch link check");
        if (head) {
            request.head();
        } else {
            request.get().header("Range", "bytes=0-0");
        }
        try (Response response = client().newCall(request.build()).execute()) {
            return new Answer(response.code(), response.header("Location"), retryAfter(response.header("Retry-After")),
                    kind(response.header("Content-Type"), response.header("Content-Disposition")),
                    size(head, response.code(), response.header("Content-Length"), response.header("Content-Range")));
        }
    }

    /** An attachment is a file whatever its type; otherwise HTML is a page and anything else a file. */
    static LinkKind kind(String contentType, String disposition) {
        if (disposition != null && disposition.toLowerCase(Locale.ROOT).strip().startsWith("attachment")) {
            return LinkKind.FILE;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml") ? LinkKind.PAGE : LinkKind.FILE;
    }

    /** What an answer says of the whole file's size: a HEAD's length, a ranged answer's total; else -1. */
    static long size(boolean head, int status, String length, String range) {
        try {
            if (status == 206 && range != null && range.matches("(?i)bytes \\d+-\\d+/\\d+")) {
                return Long.parseLong(range.substring(range.indexOf('/') + 1));
            }
            if (head && status == 200 && length != null) {
                return Long.parseLong(length.strip());
            }
        } catch (NumberFormatException e) {
            // an unreadable header says nothing
        }
        return -1;
    }

    private static Duration retryAfter(String value) {
        try {
            return value == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(5);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.min(wait.toMillis(), MAX_WAIT.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean looksLikeLogin(HttpUrl url) {
        String path = url.encodedPath().toLowerCase(Locale.ROOT);
        return path.contains("login") || path.contains("signin") || path.contains("sign-in") || path.contains("/auth");
    }

    private static String withoutQuery(HttpUrl url) {
        return url.newBuilder().query(null).fragment(null).build().toString();
    }
}
