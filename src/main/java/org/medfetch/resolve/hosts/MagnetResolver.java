package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.catalog.DatasetIds;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.MagnetLink;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Magnet links, handed to the torrent engine once they pass validation.
 *
 * <p>Reference: BEP 9, https://www.bittorrent.org/beps/bep_0009.html
 */
public final class MagnetResolver implements Resolver {

    public static final Host HOST = Host.named("magnet", "torrent: BitTorrent magnet links")
            .examples("magnet:?xt=urn:btih:47e9d8aab761e75fd0a81982fa62bddf3a173831&dn=verse");
    public static final String NAME = HOST.name();

    public MagnetResolver(HostContext context) {
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return "magnet".equalsIgnoreCase(link.getScheme());
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        try {
            MagnetLink.parse(link.toString());
            return Classification.of(LinkClass.TORRENT, NAME);
        } catch (IllegalArgumentException e) {
            String reason = "bad magnet link: " + e.getMessage();
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "copy the full magnet link again"));
        }
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        Classification verdict = classify(entry, link);
        if (verdict.linkClass() == LinkClass.UNAVAILABLE) {
            return new Resolution.Unavailable(verdict.reason());
        }
        MagnetLink magnet = MagnetLink.parse(link.toString());
        // a dn may be a megabyte long: the folder is cut like a dataset id
        String folder = DatasetIds.bounded(magnet.displayName() != null ? magnet.displayName() : magnet.infoHash());
        return new Resolution.Fetch(List.of(new Source.TorrentSource(link.toString(), folder)));
    }
}
