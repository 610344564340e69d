package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * academictorrents.com entries ({@code /details/<info-hash>}): the .torrent is at
 * {@code /download/<info-hash>.torrent} and goes to the torrent engine.
 *
 * <p>Reference: https://github.com/academictorrents/academictorrents-docs (docs/downloading.md)
 */
public final class AcademicTorrentsResolver implements Resolver {

    public static final Host HOST = Host.named("academictorrents", "torrent: the entry's .torrent, web seeds kept")
            .api("https://academictorrents.com").domains("academictorrents.com")
            .examples("https://academictorrents.com/details/47e9d8aab761e75fd0a81982fa62bddf3a173831");
    public static final String NAME = HOST.name();
    private static final Pattern ENTRY = Pattern.compile("/(?:details|download)/([0-9a-fA-F]{40})(?:\\.torrent)?/?");

    private final URI base;

    public AcademicTorrentsResolver(HostContext context) {
        this.base = context.base(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "academictorrents.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (infoHash(link) == null) {
            String reason = link + " has no 40-digit info-hash (expected /details/<info-hash>)";
            return Classification.unavailable(NAME, reason, new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK, reason,
                    "copy the full https://academictorrents.com/details/<info-hash> link"));
        }
        return Classification.of(LinkClass.TORRENT, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        String hash = infoHash(link);
        if (hash == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        String torrent = base.toString().replaceAll("/+$", "") + "/download/" + hash + ".torrent";
        return new Resolution.Fetch(List.of(new Source.TorrentSource(torrent, null)));
    }

    private static String infoHash(URI link) {
        Matcher m = ENTRY.matcher(link.getPath() == null ? "" : link.getPath());
        return m.matches() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
    }
}
