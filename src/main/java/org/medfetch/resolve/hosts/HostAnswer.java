package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * What a host answered: status, body and headers, before anyone decided what the status means. Text
 * taken from it for a message goes through the request's redaction first.
 */
record HostAnswer(int code, String body, Headers headers, HttpUrl url, Redaction redaction) {

    /** JSON fields in which APIs put their own error text (Kaggle, Zenodo, Dataverse, AI Studio, OpenXLab). */
    private static final List<String> MESSAGE_FIELDS = List.of("message", "errorMessage", "errorMsg", "msg", "error",
            "detail");
    private static final int MAX_MESSAGE = 200;

    boolean ok() {
        return code >= 200 && code < 300;
    }

    /** The Retry-After header as sent (seconds or an HTTP date), when there is one. */
    Optional<String> retryAfter() {
        String value = headers.get("Retry-After");
        return value == null || value.isBlank() ? Optional.empty()
                : Optional.of(value.strip().matches("\\d+") ? value.strip() + " s" : value.strip());
    }

    /** The server's own error text from a JSON body, shortened and with credentials masked. */
    Optional<String> serverMessage() {
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            if (tree == null || !tree.isObject()) {
                return Optional.empty();
            }
            for (String field : MESSAGE_FIELDS) {
                JsonNode value = tree.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    String text = redaction.apply(value.asText().strip().replaceAll("\\s+", " "));
                    return Optional.of(text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text);
                }
            }
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Whether the body mentions {@code text}, ignoring case (for answers told apart by their wording). */
    boolean says(String text) {
        return body.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }
}
