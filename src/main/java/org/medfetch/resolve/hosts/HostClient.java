package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.medfetch.resolve.ResolveException;

/**
 * GETs and POSTs JSON for the API resolvers and says, the same way for every host, what a failure
 * means: 404/410 not found (fatal), 401/403 refused (fatal, with the host's hint about credentials),
 * 408/429/5xx and connection errors (retryable, with Retry-After), an answer that is not the JSON the
 * API documents (fatal: "unexpected answer from HOST: ..."). Messages name the host and the URL path,
 * never a query string. Every answer reaches its caller as a {@link HostAnswer}, which masks the
 * request's credentials in every form before anyone reads it; failed exchanges are masked the same way.
 */
public final class HostClient {

    private static final long MAX_BODY = 64L << 20;
    /** What a probe reads of its answer: enough for an error message, never the file behind it. */
    private static final long PROBE_BODY = 64L << 10;
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    /** Made on the first request: listings build resolvers but never call an API. */
    private final Supplier<OkHttpClient> http;
    private final String host;
    private final String refusedHint;

    /**
     * @param host        the host's name in messages ("Zenodo")
     * @param refusedHint what a person can do about a 401/403 ("set ZENODO_TOKEN ...")
     */
    public HostClient(OkHttpClient http, String host, String refusedHint) {
        this(() -> http, host, refusedHint);
    }

    /** A client whose HTTP client is made when the first request is sent. */
    public HostClient(Supplier<OkHttpClient> http, String host, String refusedHint) {
        this.http = http;
        this.host = host;
        this.refusedHint = refusedHint;
    }

    public String host() {
        return host;
    }

    public <T> T get(HttpUrl url, Map<String, String> headers, Class<T> type) throws ResolveException {
        return read(send(request(url, headers).get().build()), type);
    }

    /** GETs a web page and returns its text, or the exception its status means. */
    public String page(HttpUrl url) throws ResolveException {
        HostAnswer answer = send(request(url, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")).get()
                .build());
        check(answer);
        return answer.body();
    }

    /** POSTs a form; {@code secrets} (form values such as a client secret) are masked like header values. */
    public <T> T postForm(HttpUrl url, Map<String, String> form, Map<String, String> headers, Class<T> type,
                          String... secrets) throws ResolveException {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        return read(send(request(url, headers).post(body.build()).build(), secrets), type);
    }

    public <T> T postJson(HttpUrl url, Object body, Map<String, String> headers, Class<T> type, String... secrets)
            throws ResolveException {
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body of plain values always serialises", e);
        }
        return read(send(request(url, headers).post(RequestBody.create(text, JSON_TYPE)).build(), secrets), type);
    }

    /** A request with the headers every API call carries plus {@code headers}. */
    public Request.Builder request(HttpUrl url, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json")
                .header("User-Agent", "medfetch");
        headers.forEach(request::header);
        return request;
    }

    /**
     * Sends a request and returns whatever the server answered; only a failed exchange throws
     * (retryable). {@code secrets} are masked in messages besides the request's own header values.
     */
    public HostAnswer send(Request request, String... secrets) throws ResolveException {
        return exchange(http.get(), request, false, secrets);
    }

    /**
     * Like {@link #send} but without following redirects, and reading at most the start of the body: a
     * probe that must not download the file it asks about.
     */
    public HostAnswer probe(Request request) throws ResolveException {
        return exchange(http.get().newBuilder().followRedirects(false).followSslRedirects(false).build(), request, true);
    }

    private HostAnswer exchange(OkHttpClient client, Request request, boolean probe, String... secrets)
            throws ResolveException {
        Redaction redaction = Redaction.of(request.headers(), secrets);
        try (Response response = client.newCall(request).execute()) {
            BufferedSource body = response.body().source();
            String text;
            if (probe) {
                body.request(PROBE_BODY);
                text = body.getBuffer().readUtf8(Math.min(PROBE_BODY, body.getBuffer().size()));
            } else if (body.request(MAX_BODY + 1)) {
                throw unexpected(where(request.url()) + " is larger than " + (MAX_BODY >> 20) + " MB");
            } else {
                text = body.readUtf8();
            }
            return HostAnswer.received(response.code(), text, response.headers(), request.url(), redaction);
        } catch (IOException e) {
            throw new ResolveException("cannot reach " + host + " (" + request.url().host() + "): "
                    + redaction.apply(reason(e)), true);
        }
    }

    /** The answer's JSON as {@code type}, or the exception its status means. */
    public <T> T read(HostAnswer answer, Class<T> type) throws ResolveException {
        check(answer);
        if (answer.body().isBlank()) {
            throw unexpected(where(answer.url()) + " answered with an empty body");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw unexpected(where(answer.url()) + " is not JSON (" + answer.headers().get("Content-Type") + ")");
        }
        if (type.isArray() ? !tree.isArray() : type != JsonNode.class && !tree.isObject()) {
            throw unexpected(where(answer.url()) + " is not " + (type.isArray() ? "a JSON array" : "a JSON object"));
        }
        return convert(tree, type, where(answer.url()));
    }

    /** Reads a part of an answer already parsed as a tree. */
    public <T> T convert(JsonNode node, Class<T> type, String what) throws ResolveException {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw unexpected(what + " has a value of the wrong type"
                    + (e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " at " + path(m) : ""));
        }
    }

    /** Throws what a non-success status means; does nothing for 2xx. */
    public void check(HostAnswer answer) throws ResolveException {
        int code = answer.code();
        if (code >= 200 && code < 300) {
            return;
        }
        String where = where(answer.url());
        String server = answer.serverMessage().map(m -> ": " + m).orElse("");
        String retry = answer.retryAfter().map(s -> "; retry after " + s).orElse("");
        if (code == 404 || code == 410) {
            throw new ResolveException(host + " has nothing at " + where + " (HTTP " + code + ")" + server, false);
        }
        if (code == 401 || code == 403) {
            throw new ResolveException(host + " refused " + where + " (HTTP " + code + ")" + server + ". "
                    + refusedHint, false);
        }
        if (code == 429) {
            throw new ResolveException(host + " is limiting the request rate (HTTP 429) for " + where + retry, true);
        }
        if (code == 408 || code >= 500) {
            throw new ResolveException(host + " failed to answer " + where + " (HTTP " + code + ")" + server + retry,
                    true);
        }
        throw new ResolveException(host + " answered HTTP " + code + " to " + where + server, false);
    }

    /** An absolute http(s) URL the API gave, or a fatal error naming {@code what} it was for. */
    public URI link(String text, String what) throws ResolveException {
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        if (url == null) {
            throw unexpected(what + " is not an http(s) URL");
        }
        return url.uri();
    }

    public ResolveException unexpected(String what) {
        return new ResolveException("unexpected answer from " + host + ": " + what, false);
    }

    /** A URL as messages show it: scheme, host, port and path, never the query. */
    public static String where(HttpUrl url) {
        return url.newBuilder().query(null).fragment(null).build().toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\?\\S*", "");
    }
}
