package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.web.LinkShape;
import org.medfetch.resolve.web.PageLinks;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Static dataset pages whose files are plain HTTP downloads: Simula (Kvasir, HyperKvasir), the ISIC
 * challenge data page (files in a public S3 bucket) and FORTH (FIRE). The page is fetched and its links
 * to archives become the files; a link's {@code #fragment} (ISIC's {@code #2019}) keeps only the archives
 * whose URL contains it. No archive found means a person picks them. An endpoint replaces the pages'
 * scheme, host and port.
 *
 * <p>Reference: https://datasets.simula.no/kvasir/, https://challenge.isic-archive.com/data/,
 * https://projects.ics.forth.gr/cvrl/fire/
 */
public final class DownloadPageResolver implements Resolver {

    public static final Host HOST = Host.named("download-page", "http: the archives linked from a known download page")
            .linkHostEndpoint().domains("datasets.simula.no", "challenge.isic-archive.com", "projects.ics.forth.gr")
            .examples("https://datasets.simula.no/kvasir/", "https://challenge.isic-archive.com/data/#2019",
                    "https://projects.ics.forth.gr/cvrl/fire/");
    public static final String NAME = HOST.name();
    private static final List<String> HOSTS = List.of("datasets.simula.no", "challenge.isic-archive.com",
            "projects.ics.forth.gr");

    private final HostClient web;
    private final URI endpoint;

    /** An endpoint replaces the scheme, host and port of the pages; without one they are fetched where they are. */
    public DownloadPageResolver(HostContext context) {
        this.web = context.client("the download page", "The page may need a login: open it in a browser.");
        this.endpoint = context.endpoint(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    /** The pages of these hosts; a link to one of their files is a direct download, not a page. */
    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HOSTS.contains(HostName.host(link))
                && !LinkShape.isDataFile(link);
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.HTTP, NAME).withInstructions(instructions(entry, link));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        HttpUrl page = LinkOrigin.page(link, endpoint);
        List<URI> archives = PageLinks.archives(web.page(page), page);
        String part = link.getFragment();
        if (part != null && !part.isBlank() && archives.stream().anyMatch(u -> u.toString().contains(part))) {
            archives = archives.stream().filter(u -> u.toString().contains(part)).toList();
        }
        if (archives.isEmpty()) {
            return new Resolution.Manual(instructions(entry, link));
        }
        List<Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (URI archive : archives) {
            List<String> segments = HostName.segments(archive);
            String name = segments.get(segments.size() - 1);
            // Two archives of one name (e.g. per year) keep apart under their parent folder's name.
            String path = names.add(name) || segments.size() < 2 ? name : segments.get(segments.size() - 2) + "/" + name;
            sources.add(Source.HttpSource.of(archive, RemotePath.of(path, web)));
        }
        return new Resolution.Fetch(sources, new Instructions("medfetch found " + sources.size() + " archive link(s) on "
                + link + "; check that they are the ones you want (medfetch add --dry-run lists them).", List.of()),
                DatasetInfo.NONE, Map.of());
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
