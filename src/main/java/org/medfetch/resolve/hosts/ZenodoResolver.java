package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * Zenodo records ({@code zenodo.org/records/N}, {@code doi.org/10.5281/zenodo.N}), expanded through
 * the records API into files with sizes and MD5 checksums.
 *
 * <p>Reference: https://developers.zenodo.org/#records
 */
public final class ZenodoResolver implements Resolver {

    public static final String NAME = "zenodo";
    private static final Pattern DOI = Pattern.compile("/?10\\.5281/zenodo\\.(\\d+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "zenodo.org")
                || HostName.within(link, "doi.org") && DOI.matcher(link.getPath()).matches());
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (recordId(link) == null) {
            String reason = link + " names no Zenodo record (expected zenodo.org/records/<number>)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the record page"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        throw new ResolveException("Zenodo records are expanded by the Zenodo API resolver", false);
    }

    static String recordId(URI link) {
        Matcher doi = DOI.matcher(link.getPath() == null ? "" : link.getPath());
        if (doi.matches()) {
            return doi.group(1);
        }
        List<String> s = HostName.segments(link);
        int i = s.indexOf("records") >= 0 ? s.indexOf("records") : s.indexOf("record");
        return i >= 0 && i + 1 < s.size() && s.get(i + 1).matches("\\d+") ? s.get(i + 1) : null;
    }
}
