package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * Any other web page: medfetch does not know the site, and a page is not a file, so a person finds the
 * download. Last in the list; no link of the bundled catalog ends up here.
 *
 * <p>Reference: none; this is the catch-all for unknown sites.
 */
public final class WebPageResolver implements Resolver {

    public static final String NAME = "web-page";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link);
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.manual(NAME, instructions(entry, link));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Manual(instructions(entry, link));
    }

    private static Instructions instructions(CatalogEntry entry, URI link) {
        return new Instructions("medfetch does not know " + HostName.host(link) + ": find the download on the page.",
                List.of(
                        "Open " + link + " and find the download link of each file",
                        "Run: medfetch add <file link>..., or download the files into " + Steps.folder(entry),
                        Steps.adopt(entry)));
    }
}
