package org.medfetch.resolve.hosts;

import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.web.Disposition;

/**
 * What the download URL of a public share (Nextcloud, ownCloud, Seafile) answers, asked once without
 * following redirects and reading only the start of the body: the file (its name from
 * {@code Content-Disposition}, its size when the server says it), a share that wants a password, a share
 * that is gone, or a site that is no such share at all.
 */
final class ShareDownload {

    enum Kind { FILE, PASSWORD, GONE, NOT_A_SHARE }

    /**
     * @param name   the server's name for the file or zip, or null
     * @param size   its bytes, or null
     * @param status the HTTP status the answer ended with
     */
    record Answer(Kind kind, String name, Long size, boolean zip, int status) {
    }

    private static final Map<String, String> HEADERS = Map.of("Accept", "*/*", "Range", "bytes=0-0");
    private static final int MAX_REDIRECTS = 5;

    private ShareDownload() {
    }

    static Answer ask(HostClient api, HttpUrl download) throws ResolveException {
        HttpUrl at = download;
        HostAnswer answer = api.probe(api.request(at, HEADERS).build());
        // Redirects are followed by hand (a few, as a browser would) so a password form is seen as one, and
        // the file's own name is read from where they end.
        for (int hop = 0; answer.code() >= 300 && answer.code() < 400 && hop < MAX_REDIRECTS; hop++) {
            String location = answer.headers().get("Location");
            HttpUrl next = location == null ? null : at.resolve(location);
            if (next == null) {
                return new Answer(Kind.NOT_A_SHARE, null, null, false, answer.code());
            }
            // A protected share sends the browser to its password form (Nextcloud .../s/<token>/authenticate/...).
            String path = next.encodedPath().toLowerCase(Locale.ROOT);
            if (path.contains("authenticate") || path.contains("password") || path.contains("login")) {
                return new Answer(Kind.PASSWORD, null, null, false, answer.code());
            }
            at = next;
            answer = api.probe(api.request(at, HEADERS).build());
        }
        int code = answer.code();
        if (code == 404 || code == 410) {
            return new Answer(Kind.GONE, null, null, false, answer.code());
        }
        if (code == 401 || code == 403) {
            return new Answer(Kind.PASSWORD, null, null, false, answer.code());
        }
        if (code >= 300 && code < 400) {
            return new Answer(Kind.NOT_A_SHARE, null, null, false, answer.code());
        }
        api.check(answer);
        String type = String.valueOf(answer.headers().get("Content-Type")).toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html")) {
            return new Answer(answer.body().toLowerCase(Locale.ROOT).contains("password") ? Kind.PASSWORD
                    : Kind.NOT_A_SHARE, null, null, false, answer.code());
        }
        String name = Disposition.fileName(answer.headers().get("Content-Disposition"));
        if (name == null && !at.equals(download) && !at.pathSegments().get(at.pathSize() - 1).isEmpty()) {
            name = at.pathSegments().get(at.pathSize() - 1);
        }
        boolean zip = type.contains("zip") || name != null && name.toLowerCase(Locale.ROOT).endsWith(".zip");
        return new Answer(Kind.FILE, name, size(answer), zip, answer.code());
    }

    /** The total of a 206's {@code Content-Range}, or a 200's {@code Content-Length}; null when unknown. */
    private static Long size(HostAnswer answer) {
        String range = answer.headers().get("Content-Range");
        if (answer.code() == 206 && range != null && range.matches("bytes \\d+-\\d+/\\d+")) {
            return Long.parseLong(range.substring(range.lastIndexOf('/') + 1));
        }
        String length = answer.headers().get("Content-Length");
        return answer.code() == 200 && length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : null;
    }
}
