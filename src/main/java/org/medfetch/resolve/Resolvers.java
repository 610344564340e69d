package org.medfetch.resolve;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;

/**
 * The resolvers in the order they are asked; the first that accepts a link owns it. Built once, as an
 * explicit list, by the composition root.
 */
public final class Resolvers {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?"
            + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");

    private final List<Resolver> ordered;

    public Resolvers(List<Resolver> ordered) {
        this.ordered = List.copyOf(ordered);
    }

    public List<Resolver> all() {
        return ordered;
    }

    public Optional<Resolver> byName(String name) {
        return ordered.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Offline classification of an entry's link. */
    public Classification classify(CatalogEntry entry) {
        if (!entry.hasLink()) {
            return Classification.unavailable(null, "the catalog gives no link for this dataset",
                    new LinkIssue(CatalogProblem.Kind.MISSING_LINK, "no link", "add the dataset's official link"));
        }
        Optional<URI> uri = parse(entry.link());
        if (uri.isEmpty()) {
            return Classification.unavailable(null, "'" + entry.link() + "' is not a valid URL",
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, "'" + entry.link() + "' is not a valid URL",
                            "replace it with the dataset's full https:// link"));
        }
        Optional<Resolver> owner = owner(uri.get());
        if (owner.isEmpty()) {
            String reason = declined(uri.get());
            return Classification.unavailable(null, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "use an http(s), magnet or .torrent link"));
        }
        Classification verdict = owner.get().classify(entry, uri.get());
        String fragment = uri.get().getFragment();
        if (fragment != null && fragment.contains("://")) {
            verdict = verdict.withIssue(new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK,
                    "a second, cut-off link is glued to the link after '#': " + fragment,
                    "drop '#" + fragment + "' from the link"));
        }
        return verdict;
    }

    /** Expands an entry's link into sources, instructions or a reason; may call the host's API. */
    public Resolution resolve(CatalogEntry entry) throws ResolveException {
        Classification offline = classify(entry);
        if (offline.linkClass() == LinkClass.UNAVAILABLE) {
            return new Resolution.Unavailable(offline.reason());
        }
        URI uri = parse(entry.link()).orElseThrow();
        return byName(offline.resolver()).orElseThrow().resolve(entry, uri);
    }

    public Optional<Resolver> owner(URI link) {
        return ordered.stream().filter(r -> r.accepts(link)).findFirst();
    }

    private String declined(URI link) {
        return "no resolver accepts " + link + " (declined by "
                + ordered.stream().map(Resolver::name).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The link's host name, lower case, or "". java.net.URI gives no host for names with an underscore
     * ({@code fcon_1000.projects.nitrc.org}), which DNS and browsers accept (RFC 2181 section 11), so
     * such a name is read from the authority.
     */
    public static String host(URI link) {
        if (link.getHost() != null) {
            return link.getHost().toLowerCase(Locale.ROOT);
        }
        String authority = link.getRawAuthority();
        if (authority == null || link.isOpaque()) {
            return "";
        }
        String name = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        return HOST_NAME.matcher(name).matches() ? name.toLowerCase(Locale.ROOT) : "";
    }

    /**
     * Parses a link as written in a catalog. Spaces and non-ASCII characters, common in hand-written
     * Markdown, are percent-encoded first; a link without a scheme is not a URL.
     */
    public static Optional<URI> parse(String link) {
        String text = link.strip();
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                encoded.append('%').append(String.format("%02X", c));
            } else {
                encoded.append((char) c);
            }
        }
        try {
            URI uri = new URI(encoded.toString());
            boolean usable = uri.getScheme() != null && (uri.isOpaque() || !host(uri).isEmpty()
                    || uri.getScheme().equalsIgnoreCase("file") && uri.getPath() != null);
            return usable ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
