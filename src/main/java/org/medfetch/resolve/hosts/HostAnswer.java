package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * What a host answered: status, body and headers, before anyone decided what the status means. It is
 * the only way a host's words reach a resolver, and it cannot be made without the request's
 * {@link Redaction}: body and header values are masked as they arrive, so no message, record or
 * exception built from an answer can carry a credential the server echoed, whichever path builds it.
 */
public final class HostAnswer {

    /** JSON fields in which APIs put their own error text (Kaggle, Zenodo, Dataverse, AI Studio, OpenXLab). */
    private static final List<String> MESSAGE_FIELDS = List.of("message", "errorMessage", "errorMsg", "msg", "error",
            "detail");
    private static final int MAX_MESSAGE = 200;

    private final int code;
    private final String body;
    private final Headers headers;
    private final HttpUrl url;

    private HostAnswer(int code, String body, Headers headers, HttpUrl url) {
        this.code = code;
        this.body = body;
        this.headers = headers;
        this.url = url;
    }

    /** The answer as received, with every form of the request's secrets masked in body and headers. */
    static HostAnswer received(int code, String body, Headers headers, HttpUrl url, Redaction redaction) {
        Headers.Builder masked = new Headers.Builder();
        for (int i = 0; i < headers.size(); i++) {
            masked.addUnsafeNonAscii(headers.name(i), redaction.apply(headers.value(i)));
        }
        return new HostAnswer(code, redaction.apply(body), masked.build(), url);
    }

    public int code() {
        return code;
    }

    public String body() {
        return body;
    }

    public Headers headers() {
        return headers;
    }

    public HttpUrl url() {
        return url;
    }

    public boolean ok() {
        return code >= 200 && code < 300;
    }

    /** The Retry-After header as sent (seconds or an HTTP date), when there is one. */
    public Optional<String> retryAfter() {
        String value = headers.get("Retry-After");
        return value == null || value.isBlank() ? Optional.empty()
                : Optional.of(value.strip().matches("\\d+") ? value.strip() + " s" : value.strip());
    }

    /** The server's own error text from a JSON body, shortened. */
    public Optional<String> serverMessage() {
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            if (tree == null || !tree.isObject()) {
                return Optional.empty();
            }
            for (String field : MESSAGE_FIELDS) {
                JsonNode value = tree.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return Optional.of(shorten(value.asText()));
                }
            }
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A server's text as a message shows it: one line, at most 200 characters. */
    public static String shorten(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }

    /** Whether the body mentions {@code text}, ignoring case (for answers told apart by their wording). */
    public boolean says(String text) {
        return body.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
