package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.web.LinkKind;
import org.medfetch.resolve.web.LinkProbe;
import org.medfetch.resolve.web.LinkShape;
import org.medfetch.resolve.web.ProbeCache;

/**
 * Any other web link, last in the list. A page by its shape ({@code .html}, {@code .php}, a version
 * number, a landing page no host claims) is for a person; any other link is probed once (HEAD, then a
 * one-byte GET): HTML is a page, anything else or an attachment is the file itself. The answer is kept
 * in the probe cache, so listings show it offline; until a link is probed it counts as a page.
 *
 * <p>Reference: RFC 9110 sections 9.3.2 (HEAD), 14.2 (Range), 8.3 (Content-Type); RFC 6266 (Content-Disposition).
 */
public final class WebPageResolver implements Resolver {

    public static final Host HOST = Host.named("web-page", "manual for pages; other links of unknown sites are "
            + "probed by add, and a file is downloaded").examples("https://example.org/stash/dataset/doi:10.5061/dryad.x",
            "https://www.example.org/data/index.php", "https://example.org/dataset/versions/1.0.0");
    public static final String NAME = HOST.name();

    private final LinkProbe probe;
    private final ProbeCache cache;

    public WebPageResolver(HostContext context) {
        this.probe = new LinkProbe(context::http);
        this.cache = context.probes();
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link);
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (!LinkShape.isPage(link) && cache.get(link).orElse(null) == LinkKind.FILE) {
            return Classification.of(LinkClass.HTTP, NAME);
        }
        return Classification.manual(NAME, page(entry, link));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        if (LinkShape.isPage(link)) {
            return new Resolution.Manual(page(entry, link));
        }
        Optional<LinkKind> known = cache.get(link);
        LinkKind kind = known.isPresent() ? known.get() : probe(link);
        if (kind == LinkKind.PAGE) {
            return new Resolution.Manual(page(entry, link));
        }
        String name = LinkShape.fileName(link);
        return new Resolution.Fetch(List.of(Source.HttpSource.of(link, name.isEmpty() ? "download" : name)));
    }

    private LinkKind probe(URI link) throws ResolveException {
        LinkProbe.Result result = probe.probe(link);
        switch (result.verdict()) {
            case ALIVE, MOVED -> {
                cache.put(link, result.kind());
                return result.kind();
            }
            case NEEDS_LOGIN -> {
                return LinkKind.PAGE;
            }
            case DEAD -> throw new ResolveException(HostName.host(link) + " has nothing at " + where(link) + " ("
                    + result.detail() + ")", false);
            default -> throw new ResolveException("cannot tell whether " + where(link) + " is a page or a file: "
                    + result.detail(), true);
        }
    }

    private static String where(URI link) {
        return link.getScheme() + "://" + link.getRawAuthority() + (link.getRawPath() == null ? "" : link.getRawPath());
    }

    private static Instructions page(CatalogEntry entry, URI link) {
        return new Instructions("A web page of " + HostName.host(link) + ", not a file: find the download on it.",
                List.of("Open " + link + " and find the download link of each file",
                        "Run: medfetch add <file link>..., or download the files into " + Steps.folder(entry),
                        Steps.adopt(entry)));
    }
}
