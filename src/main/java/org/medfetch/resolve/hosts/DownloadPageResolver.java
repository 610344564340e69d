package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * Static dataset pages whose files are plain HTTP downloads: Simula (Kvasir, HyperKvasir), the ISIC
 * challenge data page (files in a public S3 bucket) and FORTH (FIRE). The page lists the archives.
 *
 * <p>Reference: https://datasets.simula.no/kvasir/, https://challenge.isic-archive.com/data/,
 * https://projects.ics.forth.gr/cvrl/fire/
 */
public final class DownloadPageResolver implements Resolver {

    public static final String NAME = "download-page";
    private static final List<String> HOSTS = List.of("datasets.simula.no", "challenge.isic-archive.com",
            "projects.ics.forth.gr");

    @Override
    public String name() {
        return NAME;
    }

    /** The pages of these hosts; a link to one of their files is a direct download, not a page. */
    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HOSTS.contains(HostName.host(link))
                && !DirectHttpResolver.fileName(link).matches(".+\\.(zip|tar|gz|tgz|7z|rar|npz|csv|bz2|xz)");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.HTTP, NAME).withInstructions(instructions(entry, link));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        return new Resolution.Manual(instructions(entry, link));
    }

    static Instructions instructions(CatalogEntry entry, URI link) {
        return new Instructions("Download page: medfetch fetches the archives it links to; if it finds none, "
                + "pick them by hand.", List.of(
                "Open " + link + " and copy the link of each archive (.zip, .tar, .7z) of '" + entry.name() + "'",
                "Run: medfetch add <archive URL>... (each file lands in downloads/<file name>/), or download them into "
                        + Steps.folder(entry),
                Steps.adopt(entry)));
    }
}
