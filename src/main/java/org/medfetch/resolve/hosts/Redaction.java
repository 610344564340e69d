package org.medfetch.resolve.hosts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;

/**
 * Masks the secrets one request carried in any text made from its answer, so that a server echoing
 * them cannot put them in a message. The secrets are the request's credential header values and what
 * they contain (the token after a scheme such as "Bearer", the {@code user:key} pair inside "Basic" and
 * the key alone), plus any the caller sends in a body; each is masked in every form a server may echo it
 * in: as sent, Base64 (standard and URL-safe, with and without padding), URL-encoded and JSON-escaped.
 */
final class Redaction {

    /** Headers whose values are not secret; every other request header is treated as one. */
    private static final Set<String> PLAIN = Set.of("accept", "user-agent", "content-type", "content-length",
            "range", "if-range");
    /** Shorter values would mask ordinary words; no credential medfetch reads is this short. */
    private static final int SHORTEST = 4;
    static final String MASK = "***";

    private final List<String> forms;

    private Redaction(List<String> forms) {
        this.forms = forms;
    }

    static Redaction of(Headers headers, String... extra) {
        List<String> secrets = new ArrayList<>(List.of(extra));
        for (int i = 0; i < headers.size(); i++) {
            if (!PLAIN.contains(headers.name(i).toLowerCase(Locale.ROOT))) {
                addValue(secrets, headers.value(i));
            }
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST) {
                addForms(forms, secret);
            }
        }
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.removeIf(f -> f.length() < SHORTEST);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(longestFirst));
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String form : forms) {
            result = result.replace(form, MASK);
        }
        return result;
    }

    private static void addValue(List<String> secrets, String value) {
        secrets.add(value);
        int space = value.indexOf(' ');
        if (space < 0) {
            return;
        }
        String scheme = value.substring(0, space);
        String token = value.substring(space + 1).strip();
        secrets.add(token);
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                secrets.add(pair);
                secrets.add(pair.substring(pair.indexOf(':') + 1));
            } catch (IllegalArgumentException e) {
                // not base64: the token itself is masked already
            }
        }
    }

    private static void addForms(Set<String> forms, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (String form : List.of(secret, Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes), Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
            forms.add(form);
            String encoded = URLEncoder.encode(form, StandardCharsets.UTF_8);
            forms.add(encoded);
            forms.add(encoded.replace("+", "%20"));
            forms.add(lowerHex(encoded));
            forms.add(form.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        }
    }

    /** {@code %2F} as {@code %2f}: percent-encoding is case-insensitive and servers write either. */
    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder(encoded);
        for (int i = out.indexOf("%"); i >= 0 && i + 2 < out.length(); i = out.indexOf("%", i + 1)) {
            out.replace(i + 1, i + 3, out.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
