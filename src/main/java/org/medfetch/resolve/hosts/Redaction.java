package org.medfetch.resolve.hosts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;

/**
 * Masks the secrets one request carried (its credential header values, and what they contain: the
 * token after "Bearer", the key inside "Basic") in any text made from its answer, so that a
 * server echoing them cannot put them in a message.
 */
final class Redaction {

    /** Headers whose values are not secret; every other request header is treated as one. */
    private static final Set<String> PLAIN = Set.of("accept", "user-agent", "content-type", "content-length",
            "range", "if-range");
    private static final int SHORTEST = 4;

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redaction of(Headers headers, String... extra) {
        List<String> found = new ArrayList<>(List.of(extra));
        for (int i = 0; i < headers.size(); i++) {
            if (!PLAIN.contains(headers.name(i).toLowerCase(Locale.ROOT))) {
                addValue(found, headers.value(i));
            }
        }
        found.removeIf(s -> s == null || s.length() < SHORTEST);
        found.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(found));
    }

    String apply(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }

    private static void addValue(List<String> found, String value) {
        found.add(value);
        int space = value.indexOf(' ');
        if (space < 0) {
            return;
        }
        String scheme = value.substring(0, space);
        String token = value.substring(space + 1).strip();
        found.add(token);
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                found.add(pair);
                found.add(pair.substring(pair.indexOf(':') + 1));
            } catch (IllegalArgumentException e) {
                // not base64: the token itself is masked already
            }
        }
    }
}
