package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Links to a .torrent file on any web server, handed to the torrent engine.
 *
 * <p>Reference: BEP 3, https://www.bittorrent.org/beps/bep_0003.html
 */
public final class TorrentFileResolver implements Resolver {

    public static final String NAME = "torrent-file";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        String path = link.getPath() == null ? "" : link.getPath().toLowerCase(Locale.ROOT);
        return HostName.isHttp(link) && path.endsWith(".torrent");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.TORRENT, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Fetch(List.of(new Source.TorrentSource(link.toString(), null)));
    }
}
