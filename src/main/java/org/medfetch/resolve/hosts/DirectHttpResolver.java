package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.web.LinkShape;

/**
 * A link to one file on any web server, known by its shape: the last path segment has an extension
 * that data comes in ({@code .zip}, {@code .tar.gz}, {@code .nii.gz}, {@code .csv}, ...). A page
 * extension or a version number is not one. The file is downloaded as is.
 *
 * <p>Reference: RFC 9110 (HTTP semantics; range requests in section 14).
 */
public final class DirectHttpResolver implements Resolver {

    public static final Host HOST = Host.named("direct", "http: a data file on any server, by its extension")
            .examples("https://fcon_1000.projects.nitrc.org/indi/retro/nyu_trt_session1a.tar.gz");
    public static final String NAME = HOST.name();

    public DirectHttpResolver(HostContext context) {
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && LinkShape.isDataFile(link);
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.HTTP, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Fetch(List.of(Source.HttpSource.of(link, LinkShape.fileName(link))));
    }
}
