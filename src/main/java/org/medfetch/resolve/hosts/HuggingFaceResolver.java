package org.medfetch.resolve.hosts;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Hugging Face Hub repositories ({@code huggingface.co/datasets/OWNER/NAME}, models at
 * {@code huggingface.co/OWNER/NAME}, and their {@code /tree/REV/PATH}, {@code /blob/...} and
 * {@code /resolve/...} links): the revision is pinned to its commit, the tree is listed recursively
 * (paged by the Link header), LFS files carry their SHA-256, and each file is downloaded from
 * {@code resolve/COMMIT/PATH}, whose redirect to a signed CDN URL is followed afresh on every request
 * (the signed URL is never stored). Gated, private and disabled repositories are manual steps.
 *
 * <p>Reference: https://huggingface.co/docs/hub/api
 */
public final class HuggingFaceResolver implements Resolver, AuthorizesDownloads {

    static final String TOKEN_VARIABLE = "HF_TOKEN";
    static final String LEGACY_TOKEN_VARIABLE = "HUGGING_FACE_HUB_TOKEN";
    public static final Host HOST = Host.named("huggingface", "api: datasets and models pinned to their commit, "
            + "LFS files with SHA-256; gated, private or disabled repositories as manual steps")
            .api("https://huggingface.co").endpointVariable("HF_ENDPOINT").domains("huggingface.co", "hf.co")
            .examples("https://huggingface.co/datasets/nyu-mll/glue",
                    "https://huggingface.co/datasets/nyu-mll/glue/tree/main/ax",
                    "https://huggingface.co/google-bert/bert-base-uncased")
            .credentials(List.of(TOKEN_VARIABLE + " (optional: gated and private repositories)", LEGACY_TOKEN_VARIABLE,
                    "$HF_TOKEN_PATH, else $HF_HOME/token, else ~/.cache/huggingface/token (huggingface-cli login)"));
    public static final String NAME = HOST.name();
    /** First segments of huggingface.co paths that are not a model's OWNER. */
    private static final Set<String> NOT_OWNERS = Set.of("datasets", "spaces", "models", "docs", "api", "settings",
            "organizations", "collections", "papers", "blog", "login", "join", "pricing", "tasks", "learn", "posts",
            "search", "new", "new-dataset", "new-space", "enterprise", "inference-endpoints", "chat", "changelog");

    private final HostClient api;
    private final HttpUrl base;
    private final Once<Secret> token;

    public HuggingFaceResolver(HostContext context) {
        this.api = context.client("Hugging Face", "The repository may be private or gated: request access on its "
                + "page, then export " + TOKEN_VARIABLE + " (an access token from huggingface.co/settings/tokens).");
        this.base = context.api(HOST);
        UserConfig user = context.user();
        this.token = new Once<>(() -> token(user));
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "huggingface.co") || HostName.within(link, "hf.co"))
                && Repo.of(link) != null;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        Repo repo = Repo.of(link);
        if (repo == null) {
            return new Resolution.Unavailable(link + " names no Hugging Face repository");
        }
        Optional<Secret> secret = token.get();
        HttpUrl infoUrl = repo.api(base).addPathSegment("revision").addPathSegment(repo.revision()).build();
        HostAnswer answer = api.send(api.request(infoUrl, headers(secret)).build());
        if (answer.code() == 401 || answer.code() == 403) {
            // The Hub answers 401 alike for private, gated-without-login and missing repositories.
            return new Resolution.Manual(restricted(entry, repo, secret.isPresent()));
        }
        HuggingFaceApi.Info info = api.read(answer, HuggingFaceApi.Info.class);
        if (Boolean.TRUE.equals(info.disabled())) {
            return new Resolution.Manual(disabled(entry, repo));
        }
        boolean closed = info.isGated() || Boolean.TRUE.equals(info.isPrivate());
        if (info.isGated()) {
            if (secret.isEmpty()) {
                return new Resolution.Manual(restricted(entry, repo, false));
            }
            HostAnswer check = api.send(api.request(repo.api(base).addPathSegment("auth-check").build(),
                    headers(secret)).build());
            if (check.code() == 401 || check.code() == 403) {
                return new Resolution.Manual(restricted(entry, repo, true));
            }
            api.check(check);
        }
        String commit = info.sha() != null && info.sha().matches("[0-9a-f]{40}") ? info.sha() : repo.revision();
        List<Source> sources = new ArrayList<>();
        for (HuggingFaceApi.Entry file : files(repo, commit, secret)) {
            sources.add(source(repo, commit, file, closed && secret.isPresent()));
        }
        if (sources.isEmpty()) {
            throw api.unexpected(repo.id() + " has no files" + (repo.path() == null ? "" : " under " + repo.path()));
        }
        return new Resolution.Fetch(sources, null, new DatasetInfo(repo.id(), null, info.license(), null,
                repo.page(base).toString(), List.of(), null, commit, "Hugging Face"), Map.of());
    }

    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Hugging Face");
        Optional<Secret> secret = token.get();
        if (secret.isEmpty()) {
            throw new ResolveException("this Hugging Face file needs " + TOKEN_VARIABLE + ", which is not set", false);
        }
        return new Authorizer.Authorized(stableUrl, headers(secret));
    }

    /** The files under the link's path (all of them for the repository), following the tree's pages. */
    private List<HuggingFaceApi.Entry> files(Repo repo, String commit, Optional<Secret> secret) throws ResolveException {
        boolean single = repo.file();
        String dir = repo.path() == null ? null : single ? parent(repo.path()) : repo.path();
        HttpUrl.Builder tree = repo.api(base).addPathSegment("tree").addPathSegment(commit);
        if (dir != null) {
            tree.addPathSegments(dir);
        }
        HttpUrl page = tree.addQueryParameter("recursive", single ? "false" : "true").build();
        List<HuggingFaceApi.Entry> files = new ArrayList<>();
        for (int pages = 1; page != null; pages++) {
            NextPage.count(pages, api);
            HostAnswer answer = api.send(api.request(page, headers(secret)).build());
            for (HuggingFaceApi.Entry e : api.read(answer, HuggingFaceApi.Entry[].class)) {
                if ("file".equals(e.type()) && (!single || repo.path().equals(e.path()))) {
                    files.add(e);
                }
            }
            page = NextPage.of(page, nextLink(answer.headers().get("Link")), base, api);
        }
        return files;
    }

    private Source source(Repo repo, String commit, HuggingFaceApi.Entry file, boolean needsToken)
            throws ResolveException {
        String path = RemotePath.of(file.path(), api);
        HttpUrl url = repo.site(base).addPathSegment("resolve").addPathSegment(commit).addPathSegments(path).build();
        HuggingFaceApi.Lfs lfs = file.lfs();
        List<Checksum> checksums = lfs != null && lfs.oid() != null && lfs.oid().matches("[0-9a-f]{64}")
                ? List.of(new Checksum("sha256", lfs.oid())) : List.of();
        Long size = lfs != null && lfs.size() != null ? lfs.size() : file.size();
        return new Source.HttpSource(url.uri(), path, size, checksums, needsToken ? NAME : null);
    }

    /** The URL in {@code <URL>; rel="next"} of a Link header (RFC 8288), or null. */
    static String nextLink(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(",(?=\\s*<)")) {
            int close = part.indexOf('>');
            if (part.strip().startsWith("<") && close > 0
                    && part.substring(close).replace(" ", "").contains("rel=\"next\"")) {
                return part.substring(part.indexOf('<') + 1, close).strip();
            }
        }
        return null;
    }

    private Instructions restricted(CatalogEntry entry, Repo repo, boolean hadToken) {
        String page = repo.page(base).toString();
        return new Instructions("Hugging Face repository " + repo.id() + " is gated or private"
                + (hadToken ? ", and your token was not granted access" : "") + ": its authors must grant you access.",
                List.of("Open " + page + " while logged in to Hugging Face and request access (accept its conditions)",
                        "Once granted, create an access token at " + base.newBuilder().encodedPath("/settings/tokens")
                                .build() + ", export " + TOKEN_VARIABLE + "=<token> (or run: huggingface-cli login) "
                                + "and run: medfetch add " + entry.id()));
    }

    private Instructions disabled(CatalogEntry entry, Repo repo) {
        String page = repo.page(base).toString();
        return new Instructions("Hugging Face has disabled repository " + repo.id() + ": its files cannot be "
                + "downloaded.", List.of("Open " + page + " to see why, and look for another copy of the data",
                Steps.putFilesIn(entry), Steps.adopt(entry)));
    }

    private static Map<String, String> headers(Optional<Secret> secret) {
        return secret.map(s -> Map.of("Authorization", "Bearer " + s.reveal())).orElse(Map.of());
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    /** As huggingface_hub finds it: HF_TOKEN, the legacy variable, then the token file. */
    private static Optional<Secret> token(UserConfig user) throws ResolveException {
        for (String variable : List.of(TOKEN_VARIABLE, LEGACY_TOKEN_VARIABLE)) {
            Optional<String> value = user.variable(variable);
            if (value.isPresent()) {
                return Optional.of(new Secret(value.get(), variable));
            }
        }
        Path file = user.variable("HF_TOKEN_PATH").map(Path::of)
                .or(() -> user.variable("HF_HOME").map(home -> Path.of(home, "token")))
                .or(() -> user.variable("XDG_CACHE_HOME").map(cache -> Path.of(cache, "huggingface", "token")))
                .orElse(user.inHome(".cache/huggingface/token"));
        return user.text(file).map(text -> new Secret(text, file.toString()));
    }

    /**
     * A repository and what the link points at inside it.
     *
     * @param dataset  a dataset (else a model)
     * @param id       OWNER/NAME (or NAME for old canonical datasets)
     * @param revision the branch, tag or commit the link names ("main" when it names none)
     * @param path     the folder or file inside the repository, or null for all of it
     * @param file     the link is a blob/resolve link of one file
     */
    record Repo(boolean dataset, String id, String revision, String path, boolean file) {

        static Repo of(URI link) {
            List<String> s = HostName.segments(link);
            boolean dataset = !s.isEmpty() && s.get(0).equals("datasets");
            List<String> rest = dataset ? s.subList(1, s.size()) : s;
            if (rest.isEmpty() || !dataset && (rest.size() < 2 || NOT_OWNERS.contains(rest.get(0)))) {
                return null;
            }
            // Old canonical datasets have no owner: datasets/squad, datasets/squad/tree/main.
            int idLength = dataset && (rest.size() == 1 || isKind(rest.get(1))) ? 1 : 2;
            String id = String.join("/", rest.subList(0, idLength));
            if (rest.size() < idLength + 2 || !isKind(rest.get(idLength))) {
                // The repository itself, or one of its pages (viewer, discussions, commits): all of it.
                return new Repo(dataset, id, "main", null, false);
            }
            String path = rest.size() > idLength + 2 ? String.join("/", rest.subList(idLength + 2, rest.size())) : null;
            return new Repo(dataset, id, rest.get(idLength + 1), path, path != null && !rest.get(idLength).equals("tree"));
        }

        private static boolean isKind(String segment) {
            return segment.equals("tree") || segment.equals("blob") || segment.equals("resolve");
        }

        /** {@code BASE/api/datasets/OWNER/NAME} (or {@code /api/models/...}). */
        HttpUrl.Builder api(HttpUrl base) {
            return base.newBuilder().addPathSegment("api").addPathSegment(dataset ? "datasets" : "models")
                    .addPathSegments(id);
        }

        /** {@code BASE/datasets/OWNER/NAME} (or {@code BASE/OWNER/NAME} for a model). */
        HttpUrl.Builder site(HttpUrl base) {
            HttpUrl.Builder url = base.newBuilder();
            if (dataset) {
                url.addPathSegment("datasets");
            }
            return url.addPathSegments(id);
        }

        HttpUrl page(HttpUrl base) {
            return site(base).build();
        }
    }
}
