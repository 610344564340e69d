package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.Locale;
import org.medfetch.resolve.Resolvers;

/** Host-name tests shared by the resolvers' {@code accepts} methods. */
public final class HostName {

    private HostName() {
    }

    /** True when the link's host is {@code domain} or one of its subdomains (case-insensitive). */
    public static boolean within(URI link, String domain) {
        String host = host(link);
        return host.equals(domain) || host.endsWith("." + domain);
    }

    public static boolean isHttp(URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && !host(link).isEmpty();
    }

    public static String host(URI link) {
        return Resolvers.host(link);
    }

    /** Non-empty path segments, decoded. */
    public static java.util.List<String> segments(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** The value of one query parameter, or null. */
    public static String query(URI link, String key) {
        String query = link.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
