package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * The Cancer Imaging Archive: collection pages ({@code /collection/<slug>/}), old wiki pages
 * ({@code /display/Public/<NAME>}, {@code /pages/viewpage.action?pageId=N}). Public collections are
 * listed and downloaded series by series through the NBIA REST API, without a token.
 *
 * <p>Reference: https://wiki.cancerimagingarchive.net/display/Public/NBIA+Search+REST+API+Guide
 */
public final class TciaResolver implements Resolver {

    public static final String NAME = "tcia";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "cancerimagingarchive.net");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (collection(link) == null && HostName.query(link, "pageId") == null) {
            String reason = link + " names no TCIA collection";
            return Classification.unavailable(NAME, reason, new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason,
                    "link https://www.cancerimagingarchive.net/collection/<name>/"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        throw new ResolveException("TCIA collections are expanded by the NBIA API resolver", false);
    }

    /** The collection name of a collection or wiki display page, or null for a pageId-only link. */
    static String collection(URI link) {
        List<String> s = HostName.segments(link);
        if (s.size() >= 2 && s.get(0).equals("collection")) {
            return s.get(1);
        }
        if (s.size() >= 3 && s.get(0).equals("display") && s.get(1).equals("Public")) {
            return s.get(2).replace('+', ' ');
        }
        return null;
    }
}
