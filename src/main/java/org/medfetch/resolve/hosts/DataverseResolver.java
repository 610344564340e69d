package org.medfetch.resolve.hosts;

import java.net.URI;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * Dataverse datasets ({@code dataset.xhtml?persistentId=doi:...}), expanded through the native API
 * into files with checksums. A guestbook or terms of use turn into manual steps.
 *
 * <p>Reference: https://guides.dataverse.org/en/latest/api/dataaccess.html
 */
public final class DataverseResolver implements Resolver {

    public static final String NAME = "dataverse";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.host(link).contains("dataverse");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (persistentId(link) == null) {
            String reason = link + " names no dataset (expected dataset.xhtml?persistentId=doi:...)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset page with its DOI"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        throw new ResolveException("Dataverse datasets are expanded by the Dataverse API resolver", false);
    }

    static String persistentId(URI link) {
        String pid = HostName.query(link, "persistentId");
        return pid != null && pid.startsWith("doi:") ? pid : null;
    }
}
