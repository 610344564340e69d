package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Gitee repositories ({@code gitee.com/OWNER/REPO}), fetched as the archive of their default branch.
 * No Gitee API or download policy was confirmed (hosts.md: UNVERIFIED), so any answer that is not the
 * expected one becomes manual steps (clone or download in the browser) rather than a failure; only
 * a host that cannot be reached or is busy is worth retrying.
 *
 * <p>Reference: https://gitee.com/api/v5/swagger (GET /v5/repos/{owner}/{repo})
 */
public final class GiteeResolver implements Resolver {

    public static final Host HOST = Host.named("gitee", "git: the repository archive").api("https://gitee.com/api/v5")
            .domains("gitee.com").examples("https://gitee.com/neuhwm/GasHisSDB");
    public static final String NAME = HOST.name();

    private final HostClient api;
    private final HttpUrl base;

    public GiteeResolver(HostContext context) {
        this.api = context.client("Gitee", "The repository may be private or need a login.");
        this.base = context.api(HOST);
    }

    @Override
    public Host host() {
        return HOST;
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
        List<String> s = HostName.segments(link);
        if (s.size() < 2) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        String owner = s.get(0);
        String repo = s.get(1).replaceAll("\\.git$", "");
        HttpUrl url = base.newBuilder().addPathSegment("repos").addPathSegment(owner).addPathSegment(repo).build();
        // A 404 or a refusal fails like on every other host (exit 4); only a repository that answers but
        // cannot be fetched as an archive turns into manual steps.
        GiteeApi.Repository about = api.get(url, Map.of(), GiteeApi.Repository.class);
        if (about.defaultBranch() == null || about.defaultBranch().isBlank()) {
            return new Resolution.Manual(manual(entry, owner, repo, "the Gitee API gave no default branch"));
        }
        String page = about.htmlUrl() != null ? about.htmlUrl().replaceAll("\\.git$", "")
                : "https://gitee.com/" + owner + "/" + repo;
        // UNVERIFIED: the web archive URL, and whether it needs a login, were not confirmed.
        URI archive;
        try {
            archive = api.link(page + "/repository/archive/" + about.defaultBranch() + ".zip", "the archive URL");
        } catch (ResolveException e) {
            return new Resolution.Manual(manual(entry, owner, repo, e.getMessage()));
        }
        Source zip = new Source.HttpSource(archive, RemotePath.of(repo + "-" + about.defaultBranch().replace('/', '-')
                + ".zip", api), null, List.of(), null);
        Instructions notes = new Instructions("medfetch fetches the archive of branch " + about.defaultBranch() + " of "
                + page + "; if Gitee asks for a login, use the manual steps (git clone " + page + ".git). The data may "
                + "also live elsewhere: read the repository's README.", List.of());
        return new Resolution.Fetch(List.of(zip), notes, new DatasetInfo(about.fullName(), null, null, null, page),
                Map.of());
    }

    private static Instructions manual(CatalogEntry entry, String owner, String repo, String why) {
        String page = "https://gitee.com/" + owner + "/" + repo;
        return new Instructions("Gitee repository " + owner + "/" + repo + ": medfetch could not fetch it by itself ("
                + why + ").", List.of(
                "Clone it: git clone " + page + ".git " + Steps.folder(entry) + repo
                        + " (or open " + page + " and use 克隆/下载 → 下载ZIP, which may need a Gitee login)",
                "Read its README for where the data itself lives",
                Steps.adopt(entry)));
    }
}
