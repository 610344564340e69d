package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * A link to one file on any web server: its last path segment has a file extension
 * ({@code .zip}, {@code .tar.gz}, {@code .npz}, ...). The file is downloaded as is.
 *
 * <p>Reference: RFC 9110 (HTTP semantics; range requests in section 14).
 */
public final class DirectHttpResolver implements Resolver {

    public static final String NAME = "direct";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && fileName(link).matches(".+\\.[A-Za-z0-9]{1,8}");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.HTTP, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Fetch(List.of(Source.HttpSource.of(link, fileName(link))));
    }

    /** The last path segment, or "" for a link ending in '/'. */
    public static String fileName(URI link) {
        List<String> s = HostName.segments(link);
        String path = link.getPath() == null ? "" : link.getPath();
        return s.isEmpty() || path.endsWith("/") ? "" : s.get(s.size() - 1);
    }
}
