package org.medfetch.workflow;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the links the queue stores into text that may be committed and shared: query parameters whose
 * names look like secrets (token, key, signature, X-Amz-*, ...) and user:password@ become
 * {@value #REDACTED}, and local paths of this machine become workspace-relative paths or bare file
 * names. Signed URLs never reach the store, but a URL a user typed may carry a token.
 */
final class ShareableLinks {

    static final String REDACTED = "REDACTED";

    /** Words that make a parameter name secret, matched against its parts (api_key, accessToken, X-Sig). */
    private static final Set<String> SECRET_WORDS = Set.of("token", "key", "apikey", "secret", "signature", "sig",
            "password", "passwd", "credential", "credentials", "auth", "authorization", "session", "sessionid",
            "passkey", "accesskey", "accesskeyid", "awsaccesskeyid", "sas");
    private static final Set<String> SECRET_PREFIXES = Set.of("x-amz-", "x-goog-", "x-ms-", "x-oss-");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern WINDOWS_PATH = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private final Path workspace;
    private final Set<String> removed = new TreeSet<>();

    ShareableLinks(Path workspace) {
        this.workspace = workspace;
    }

    /** The names of the secrets removed so far (parameter names, "user:password"). */
    Set<String> removed() {
        return removed;
    }

    /** A URL, magnet link or local path as it may be shared; null stays null. */
    String share(String link) {
        if (link == null) {
            return null;
        }
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.startsWith("magnet:")) {
            return magnet(link);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*") && !lower.startsWith("file:")) {
            return url(link);
        }
        return localPath(lower.startsWith("file:") ? link.replaceFirst("(?i)^file:(//)?", "") : link);
    }

    /** A file of this machine: relative to the workspace when inside it, else its name alone. */
    String localPath(String path) {
        if (WINDOWS_PATH.matcher(path).matches()) {
            return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        }
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            return path;
        }
        Path normal = p.normalize();
        Path root = workspace.toAbsolutePath().normalize();
        if (normal.startsWith(root) && !normal.equals(root)) {
            return root.relativize(normal).toString().replace('\\', '/');
        }
        return normal.getFileName() == null ? "" : normal.getFileName().toString();
    }

    private String url(String link) {
        int schemeEnd = link.indexOf("://") + 3;
        int authorityEnd = indexOfAny(link, schemeEnd, "/?#");
        String authority = link.substring(schemeEnd, authorityEnd);
        int at = authority.lastIndexOf('@');
        String head = link.substring(0, schemeEnd);
        if (at >= 0) {
            removed.add("user:password");
            authority = REDACTED + authority.substring(at);
        }
        return head + authority + query(link.substring(authorityEnd), false);
    }

    private String magnet(String link) {
        return query(link.substring("magnet:".length()), true).transform(q -> "magnet:" + q);
    }

    /**
     * Redacts the secret parameters of the query in {@code rest} (path, query, fragment); in a magnet link
     * the tracker and web-seed URLs are themselves redacted.
     */
    private String query(String rest, boolean magnet) {
        int q = rest.indexOf('?');
        if (q < 0) {
            return rest;
        }
        int hash = rest.indexOf('#', q);
        String query = rest.substring(q + 1, hash < 0 ? rest.length() : hash);
        List<String> params = new ArrayList<>();
        for (String param : query.split("&", -1)) {
            int eq = param.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? param : param.substring(0, eq), StandardCharsets.UTF_8);
            if (eq >= 0 && secret(name)) {
                removed.add(name);
                params.add(param.substring(0, eq + 1) + REDACTED);
            } else if (eq >= 0 && magnet && Set.of("tr", "ws", "xs", "as").contains(name.toLowerCase(Locale.ROOT))) {
                String inner = URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
                String shared = share(inner);
                params.add(shared.equals(inner) ? param
                        : param.substring(0, eq + 1) + URLEncoder.encode(shared, StandardCharsets.UTF_8));
            } else {
                params.add(param);
            }
        }
        return rest.substring(0, q + 1) + String.join("&", params) + (hash < 0 ? "" : rest.substring(hash));
    }

    static boolean secret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_PREFIXES.stream().anyMatch(lower::startsWith) || SECRET_WORDS.contains(lower.replaceAll("[^a-z0-9]", ""))) {
            return true;
        }
        for (String word : WORD_BREAK.split(name)) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a shared link lost something that is needed to fetch it. */
    static boolean redacted(String link) {
        return link != null && (link.contains("=" + REDACTED) || link.contains(REDACTED + "@"));
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
