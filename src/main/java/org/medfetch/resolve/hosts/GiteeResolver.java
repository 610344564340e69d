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
 * Gitee repositories ({@code gitee.com/OWNER/REPO}), fetched as a branch archive.
 *
 * <p>Reference: https://gitee.com/api/v5/swagger (repository archive); details UNVERIFIED in hosts.md.
 */
public final class GiteeResolver implements Resolver {

    public static final String NAME = "gitee";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "gitee.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (HostName.segments(link).size() < 2) {
            String reason = link + " names no repository (expected gitee.com/OWNER/REPO)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK, reason, "link the repository itself"));
        }
        return Classification.of(LinkClass.GIT, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        throw new ResolveException("Gitee repositories are expanded by the Gitee resolver", false);
    }

    static List<String> ownerAndRepo(URI link) {
        return HostName.segments(link).subList(0, 2);
    }
}
