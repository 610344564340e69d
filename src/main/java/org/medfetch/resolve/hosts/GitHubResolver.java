package org.medfetch.resolve.hosts;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Checksum;
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
 * GitHub repositories: the assets of the latest stable release when the repository publishes files
 * there, otherwise the archive of its default branch (or of the branch a {@code /tree/<branch>} link
 * names). Links to single files (releases/download, raw) are downloaded as they are. GITHUB_TOKEN is
 * optional; it raises the API's limit of 60 requests an hour.
 *
 * <p>Reference: https://docs.github.com/rest/releases/releases
 */
public final class GitHubResolver implements Resolver {

    static final String TOKEN_VARIABLE = "GITHUB_TOKEN";
    public static final Host HOST = Host.named("github", "git: release assets, one raw file (blob) or folder (tree), "
            + "else the repository archive").api("https://api.github.com").domains("github.com")
            .examples("https://github.com/anjany/verse")
            .credentials(List.of(TOKEN_VARIABLE + " (optional: private repositories, higher rate limit)"));
    public static final String NAME = HOST.name();
    /** A tree link that lists more files than this is a repository, not a folder to fetch file by file. */
    private static final int MAX_FOLDER_FILES = 10_000;

    private final HostClient api;
    private final HttpUrl base;
    private final Secret token;

    public GitHubResolver(HostContext context) {
        this.api = context.client("GitHub", "The repository may be private: a token with access to it goes in "
                + TOKEN_VARIABLE + ".");
        this.base = context.api(HOST);
        this.token = context.user().variable(TOKEN_VARIABLE).map(v -> new Secret(v, TOKEN_VARIABLE)).orElse(null);
    }

    @Override
    public Host host() {
        return HOST;
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
        if (isBlob(s) && isDocument(s)) {
            return Classification.manual(NAME, document(entry, link));
        }
        return Classification.of(isFile(s) || isBlob(s) ? LinkClass.HTTP : LinkClass.GIT, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        List<String> s = HostName.segments(link);
        if (s.size() < 2) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        if (isFile(s)) {
            return new Resolution.Fetch(List.of(Source.HttpSource.of(link, RemotePath.of(s.get(s.size() - 1), api))));
        }
        String owner = s.get(0);
        String repo = s.get(1).replaceAll("\\.git$", "");
        if (isBlob(s)) {
            if (isDocument(s)) {
                return new Resolution.Manual(document(entry, link));
            }
            // github.com/OWNER/REPO/raw/REF/PATH answers with the file itself (a redirect to raw content).
            URI raw = URI.create("https://github.com/" + owner + "/" + repo + "/raw/"
                    + String.join("/", s.subList(3, s.size())));
            return new Resolution.Fetch(List.of(Source.HttpSource.of(raw, RemotePath.of(s.get(s.size() - 1), api))));
        }
        HttpUrl repoUrl = base.newBuilder().addPathSegment("repos").addPathSegment(owner).addPathSegment(repo).build();
        if (s.size() > 4 && s.get(2).equals("tree")) {
            return folder(repoUrl, s.get(3), String.join("/", s.subList(4, s.size())), link);
        }
        GitHubApi.Repository about = read(repoUrl, GitHubApi.Repository.class);
        if (about.htmlUrl() == null || about.defaultBranch() == null) {
            throw api.unexpected("repository " + owner + "/" + repo + " has no html_url or default_branch");
        }
        DatasetInfo info = new DatasetInfo(about.fullName(), null, license(about.license()), null, about.htmlUrl());
        String branch = s.size() > 3 && s.get(2).equals("tree") ? String.join("/", s.subList(3, s.size())) : null;
        if (branch == null) {
            Optional<GitHubApi.Release> release = latestRelease(repoUrl);
            if (release.isPresent()) {
                return new Resolution.Fetch(assets(release.get()), notes(about, "the assets of its latest release "
                        + release.get().tag()), info, Map.of());
            }
            branch = about.defaultBranch();
        }
        URI archive = api.link(about.htmlUrl() + "/archive/refs/heads/" + branch + ".zip", "the archive of " + branch);
        Source zip = new Source.HttpSource(archive, RemotePath.of(repo + "-" + branch.replace('/', '-') + ".zip", api),
                null, List.of(), null);
        return new Resolution.Fetch(List.of(zip), notes(about, "the archive of branch " + branch), info, Map.of());
    }

    /**
     * One folder of a branch, its files at any depth, through the contents API; paths stay relative to
     * the folder. The first segment after tree/ is taken as the ref.
     */
    private Resolution folder(HttpUrl repoUrl, String ref, String dir, URI link) throws ResolveException {
        List<Source> sources = new ArrayList<>();
        List<String> pending = new ArrayList<>(List.of(dir));
        while (!pending.isEmpty()) {
            String path = pending.remove(0);
            HttpUrl url = repoUrl.newBuilder().addPathSegment("contents").addPathSegments(path)
                    .addQueryParameter("ref", ref).build();
            for (GitHubApi.Content item : read(url, GitHubApi.Content[].class)) {
                if (item.path() == null || !item.path().startsWith(dir + "/")) {
                    throw api.unexpected("an entry of " + path + " lies outside it");
                }
                if ("dir".equals(item.type())) {
                    pending.add(item.path());
                } else if ("file".equals(item.type()) && item.downloadUrl() != null) {
                    sources.add(new Source.HttpSource(api.link(item.downloadUrl(), "the download_url of " + item.path()),
                            RemotePath.of(item.path().substring(dir.length() + 1), api), item.size(), List.of(), null));
                }
                if (sources.size() > MAX_FOLDER_FILES) {
                    throw api.unexpected(dir + " holds more than " + MAX_FOLDER_FILES + " files; link the repository");
                }
            }
        }
        if (sources.isEmpty()) {
            throw api.unexpected("the folder " + dir + " at " + ref + " holds no files");
        }
        return new Resolution.Fetch(sources, null, new DatasetInfo(null, null, null, null, link.toString()), Map.of());
    }

    private Optional<GitHubApi.Release> latestRelease(HttpUrl repoUrl) throws ResolveException {
        HttpUrl url = repoUrl.newBuilder().addPathSegment("releases").addQueryParameter("per_page", "30").build();
        return Arrays.stream(read(url, GitHubApi.Release[].class)).filter(GitHubApi.Release::usable).findFirst();
    }

    private List<Source> assets(GitHubApi.Release release) throws ResolveException {
        List<Source> sources = new ArrayList<>();
        for (GitHubApi.Asset asset : release.assets()) {
            URI url = api.link(asset.url(), "the browser_download_url of " + asset.name());
            List<Checksum> digest = List.of();
            if (asset.digest() != null) {
                try {
                    digest = List.of(Checksum.parse(asset.digest()));
                } catch (IllegalArgumentException e) {
                    throw api.unexpected("the digest of asset " + asset.name() + " is not ALGO:HEX");
                }
            }
            sources.add(new Source.HttpSource(url, RemotePath.of(asset.name(), api), asset.size(), digest, null));
        }
        return sources;
    }

    /** GETs with the API's headers; a used-up rate limit is retryable and says how to raise it. */
    private <T> T read(HttpUrl url, Class<T> type) throws ResolveException {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28"));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token.reveal());
        }
        HostAnswer answer = api.send(api.request(url, headers).build());
        if ((answer.code() == 403 || answer.code() == 429) && "0".equals(answer.headers().get("x-ratelimit-remaining"))) {
            String reset = answer.headers().get("x-ratelimit-reset");
            throw new ResolveException("GitHub's API rate limit is used up" + (reset != null && reset.matches("\\d+")
                    ? " until " + Instant.ofEpochSecond(Long.parseLong(reset)) : "") + (token == null ? "; export "
                    + TOKEN_VARIABLE + " to raise it from 60 to 5,000 requests an hour" : ""), true);
        }
        return api.read(answer, type);
    }

    private static Instructions notes(GitHubApi.Repository about, String what) {
        return new Instructions("medfetch fetches " + what + " of " + about.htmlUrl() + ". Datasets often keep their "
                + "data elsewhere (cloud links, Git LFS, another site): read " + about.htmlUrl() + "#readme for the "
                + "real download links.", List.of());
    }

    private static String license(GitHubApi.License license) {
        if (license == null) {
            return null;
        }
        return license.spdxId() != null && !license.spdxId().equals("NOASSERTION") ? license.spdxId() : license.name();
    }

    /** blob/REF/PATH: a file shown on a GitHub page. */
    private static boolean isBlob(List<String> s) {
        return s.size() > 4 && s.get(2).equals("blob");
    }

    /** A document GitHub renders as a page: its links, not its text, lead to the data. */
    private static boolean isDocument(List<String> s) {
        String name = s.get(s.size() - 1).toLowerCase(java.util.Locale.ROOT);
        return name.matches(".*\\.(md|markdown|rst|html?|adoc|ipynb)") || !name.contains(".");
    }

    private static Instructions document(CatalogEntry entry, URI link) {
        return new Instructions("A documentation page on GitHub: follow the download links in it.", List.of(
                "Open " + link + " and follow its download links",
                "Run: medfetch add <file link>..., or download the files into " + Steps.folder(entry),
                Steps.adopt(entry)));
    }

    /** releases/download/... and raw/... links name one file. */
    private static boolean isFile(List<String> s) {
        return s.size() > 3 && (s.get(2).equals("releases") && s.get(3).equals("download") || s.get(2).equals("raw"));
    }
}
