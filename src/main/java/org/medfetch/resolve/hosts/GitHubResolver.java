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
 * GitHub repositories, fetched as the default branch's archive (or the release assets, when the
 * repository publishes releases). Links to single files (releases/download, raw) are plain HTTP.
 *
 * <p>Reference: https://docs.github.com/rest/releases/releases
 */
public final class GitHubResolver implements Resolver {

    public static final String NAME = "github";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.host(link).equals("github.com")
                || HostName.host(link).equals("www.github.com"));
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        List<String> s = HostName.segments(link);
        if (s.size() < 2) {
            String reason = link + " names no repository (expected github.com/OWNER/REPO)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK, reason, "link the repository itself"));
        }
        boolean file = s.size() > 3 && (s.get(2).equals("releases") && s.get(3).equals("download")
                || s.get(2).equals("raw"));
        return Classification.of(file ? LinkClass.HTTP : LinkClass.GIT, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        throw new ResolveException("GitHub repositories are expanded by the GitHub API resolver", false);
    }
}
