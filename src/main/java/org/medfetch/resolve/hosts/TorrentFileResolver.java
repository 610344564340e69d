package org.medfetch.resolve.hosts;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Host;
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

    public static final Host HOST = Host.named("torrent-file", "torrent: a .torrent file, on the web or on disk")
            .examples("https://example.org/data/chest-xray.torrent");
    public static final String NAME = HOST.name();

    public TorrentFileResolver(HostContext context) {
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        String path = link.getPath() == null ? "" : link.getPath().toLowerCase(Locale.ROOT);
        return (HostName.isHttp(link) || "file".equalsIgnoreCase(link.getScheme())) && path.endsWith(".torrent");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.TORRENT, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        if ("file".equalsIgnoreCase(link.getScheme())) {
            Path file = Path.of(link);
            String name = file.getFileName().toString();
            return new Resolution.Fetch(List.of(new Source.TorrentSource(file.toString(),
                    name.substring(0, name.length() - ".torrent".length()))));
        }
        return new Resolution.Fetch(List.of(new Source.TorrentSource(link.toString(), null)));
    }
}
