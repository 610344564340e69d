package org.medfetch.engine.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Response;
import org.medfetch.engine.SafePath;

/**
 * The name a server gives a file when the repository did not: {@code Content-Disposition}
 * ({@code filename*} preferred over {@code filename}, RFC 6266 section 4.3), else the last segment of
 * the URL the redirects ended at, else "download". Always one safe file name, never a path.
 */
final class ServerFileName {

    static final String FALLBACK = "download";

    private ServerFileName() {
    }

    static String of(Response response) {
        String named = SafePath.fileName(fromDisposition(response.header("Content-Disposition")));
        if (named != null) {
            return named;
        }
        List<String> segments = response.request().url().pathSegments();
        String last = segments.isEmpty() ? null : SafePath.fileName(segments.get(segments.size() - 1));
        return last != null ? last : FALLBACK;
    }

    /** The file name a Content-Disposition header suggests (unsanitised), or null. */
    static String fromDisposition(String header) {
        if (header == null) {
            return null;
        }
        Map<String, String> params = parameters(header);
        String extended = params.get("filename*");
        if (extended != null) {
            String decoded = decodeExtended(extended);
            if (decoded != null) {
                return decoded;
            }
        }
        return params.get("filename");
    }

    /** Parameters after the disposition type; values are tokens or quoted strings with backslash escapes. */
    private static Map<String, String> parameters(String header) {
        Map<String, String> params = new HashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            if (j < header.length() && header.charAt(j) == '"') {
                for (j++; j < header.length() && header.charAt(j) != '"'; j++) {
                    if (header.charAt(j) == '\\' && j + 1 < header.length()) {
                        j++;
                    }
                    value.append(header.charAt(j));
                }
                j = header.indexOf(';', j);
            } else {
                int end = header.indexOf(';', j);
                value.append(header, j, end < 0 ? header.length() : end);
                j = end;
            }
            params.putIfAbsent(name, value.toString().strip());
            i = j;
        }
        return params;
    }

    /** {@code charset'language'percent-encoded} (RFC 8187 section 3.2); null when malformed. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first));
        } catch (IllegalArgumentException unknown) {
            charset = StandardCharsets.UTF_8;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int k = 0; k < encoded.length(); k++) {
            char c = encoded.charAt(k);
            if (c == '%' && k + 2 < encoded.length() && Character.digit(encoded.charAt(k + 1), 16) >= 0
                    && Character.digit(encoded.charAt(k + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(encoded.substring(k + 1, k + 3), 16));
                k += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(charset);
    }
}
