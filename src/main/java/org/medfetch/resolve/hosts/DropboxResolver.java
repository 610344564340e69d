package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.web.LinkShape;

/**
 * Dropbox shared links. With {@code dl=0} (how Dropbox shares them) the link shows a preview page;
 * with {@code dl=1} the same link answers with the file, or with a zip of a shared folder.
 *
 * <p>Reference: https://help.dropbox.com/share/force-download
 */
public final class DropboxResolver implements Resolver {

    public static final Host HOST = Host.named("dropbox", "http: a shared file or folder (as a zip), fetched "
            + "with dl=1").domains("dropbox.com")
            .examples("https://www.dropbox.com/s/8r4wqsiq7zv1ajk/DRIVE.zip?dl=0",
                    "https://www.dropbox.com/scl/fo/abc123/h?rlkey=xyz&dl=0");
    public static final String NAME = HOST.name();

    public DropboxResolver(HostContext context) {
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "dropbox.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.HTTP, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        HttpUrl url = HttpUrl.get(link.toString());
        URI download = url.newBuilder().setQueryParameter("dl", "1").fragment(null).build().uri();
        // A folder (or a file without a data extension) comes as a zip named after the dataset.
        String name = LinkShape.isDataFile(link) ? LinkShape.fileName(link) : entry.id() + ".zip";
        return new Resolution.Fetch(List.of(Source.HttpSource.of(download, name)));
    }
}
