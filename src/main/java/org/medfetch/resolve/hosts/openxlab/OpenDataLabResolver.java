package org.medfetch.resolve.hosts.openxlab;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Authorizer;
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
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.hosts.HostAnswer;
import org.medfetch.resolve.hosts.HostName;
import org.medfetch.resolve.hosts.RemotePath;
import org.medfetch.resolve.hosts.Steps;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.resolve.hosts.AuthorizesDownloads;
import org.medfetch.resolve.hosts.HostContext;

/**
 * OpenDataLab datasets ({@code opendatalab.com/OpenDataLab/NAME}), served by OpenXLab. With an
 * OpenXLab AccessKey/SecretKey the file list (with SHA-256) and signed URLs come from its API; many
 * datasets also need a form filled in once on the website, which the download check reports as HTTP
 * 601/602. Each file's stable URL is its {@code resolve} endpoint, which redirects to a signed URL.
 *
 * <p>Reference: https://openxlab.org.cn/docs/developers/数据集/数据集CLI（命令行工具）.html
 */
public final class OpenDataLabResolver implements Resolver, AuthorizesDownloads {

    /** The base is openxlab/dataset/constants.py's host. */
    public static final Host HOST = Host.named("opendatalab", "api: OpenXLab datasets with SHA-256; a form on the "
            + "website first for many").api("https://openxlab.org.cn").domains("opendatalab.com", "openxlab.org.cn")
            .examples("https://opendatalab.com/OpenDataLab/HC18/tree/main").credentials(OpenXLabKeys.SOURCES)
            .accountRequired();
    public static final String NAME = HOST.name();
    /** openxlab/xlab/handler/user_token.py (AUTH_CLIENT endpoint). */
    public static final URI DEFAULT_SIGN_IN = URI.create("https://openapi.openxlab.org.cn/api/v1/sso-be/api/v1/open");
    /** Where sign-in goes under an endpoint the user set: the same path as on openapi.openxlab.org.cn. */
    public static final String SIGN_IN_PATH = "api/v1/sso-be/api/v1/open";
    private static final Set<String> TABS = Set.of("tree", "explore", "cli", "blob", "files");
    /** openxlab's page size (dataset/client/api.py get_dataset_files). */
    private static final int PAGE_SIZE = 500;
    /** The download check's answers when a form must be filled in first (dataset/client/api.py download_check). */
    private static final Set<Integer> FORM_NEEDED = Set.of(601, 602);
    /** Files every dataset shows even before its form is filled in (openxlab: "hasMediaFile"). */
    private static final Set<String> META_FILES = Set.of("/README.md", "/metafile.yaml", "README.md", "metafile.yaml");

    private final HostClient api;
    private final HttpUrl base;
    private final OpenXLabKeys keys;
    private final OpenXLabSession session;

    /**
     * The datasets API is the base (openxlab.org.cn); the sign-in API that turns the AccessKey/SecretKey
     * into a JWT lives on another host, or under {@link #SIGN_IN_PATH} of an endpoint the user set.
     */
    public OpenDataLabResolver(HostContext context) {
        this.api = context.client("OpenXLab", "Check the OpenXLab AccessKey/SecretKey (medfetch resolvers lists "
                + "where they are read), and open the dataset's page once to complete any form it asks for.");
        this.base = context.api(HOST);
        this.keys = new OpenXLabKeys(context.user());
        URI endpoint = context.endpoint(HOST);
        URI signIn = endpoint != null ? URI.create(endpoint + "/" + SIGN_IN_PATH) : DEFAULT_SIGN_IN;
        this.session = new OpenXLabSession(api, HttpUrl.get(signIn.toString()), keys, Clock.systemUTC());
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "opendatalab.com")
                || HostName.within(link, "opendatalab.org.cn") || HostName.within(link, "openxlab.org.cn"));
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        List<String> repo = repository(link);
        if (repo == null) {
            String reason = link + " names no dataset (expected opendatalab.com/OWNER/NAME)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset page"));
        }
        Classification result = Classification.of(LinkClass.API, NAME).withInstructions(instructions(entry, repo));
        List<String> s = HostName.segments(link);
        int tab = s.indexOf(repo.get(1)) + 1;
        if (tab < s.size() && !TABS.contains(s.get(tab))) {
            result = result.withIssue(new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK,
                    "the link is cut off after the dataset name ('" + s.get(tab) + "')",
                    "use https://opendatalab.com/" + repo.get(0) + "/" + repo.get(1) + "; medfetch only needs the name"));
        }
        return result;
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        List<String> repo = repository(link);
        if (repo == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        if (keys.get().isEmpty()) {
            return new Resolution.Manual(instructions(entry, repo));
        }
        Map<String, String> headers = Map.of("Authorization", session.jwt().reveal());
        List<OpenXLabApi.Entry> files = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        do {
            OpenXLabApi.Page page = page(repo, after, headers);
            if (!Boolean.TRUE.equals(page.hasMediaFile())) {
                return new Resolution.Manual(withNote(instructions(entry, repo), "OpenXLab shows only the README of "
                        + repo.get(0) + "/" + repo.get(1) + (page.toast() == null ? "" : ": " + page.toast())));
            }
            page.list().stream().filter(e -> !e.isFolder()).forEach(files::add);
            after = Boolean.TRUE.equals(page.hasNext()) ? page.after() : null;
            if (after != null && !cursors.add(after)) {
                throw api.unexpected("the file list repeats its cursor");
            }
        } while (after != null);
        if (files.isEmpty()) {
            throw api.unexpected(repo.get(0) + "/" + repo.get(1) + " lists no files");
        }
        Long datasetId = files.get(0).datasetId();
        if (datasetId == null) {
            throw api.unexpected("the file list has no dataset_id");
        }
        // The form is per dataset: one data file (not the README or metafile everyone may read) tells.
        OpenXLabApi.Entry probe = files.stream().filter(f -> !META_FILES.contains(f.path())).findFirst()
                .orElse(files.get(0));
        HostAnswer check = api.send(api.request(endpoint("datasets/api/v2/downloadCheck", datasetId, probe), headers)
                .build());
        if (FORM_NEEDED.contains(check.code())) {
            return new Resolution.Manual(withNote(instructions(entry, repo), "OpenXLab answered " + check.code()
                    + ": fill in the form on https://opendatalab.com/" + repo.get(0) + "/" + repo.get(1)
                    + " (user information or dataset application) first"));
        }
        api.check(check);
        List<Source> sources = new ArrayList<>();
        for (OpenXLabApi.Entry file : files) {
            sources.add(source(datasetId, file));
        }
        String page = "https://opendatalab.com/" + repo.get(0) + "/" + repo.get(1);
        return new Resolution.Fetch(sources, null, new DatasetInfo(repo.get(1), null, null, null, page), Map.of());
    }

    /** Adds the current JWT; the engine then follows the resolve endpoint's redirect to the signed URL. */
    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "OpenXLab");
        return new Authorizer.Authorized(stableUrl, Map.of("Authorization", session.jwt().reveal()));
    }

    private OpenXLabApi.Page page(List<String> repo, String after, Map<String, String> headers)
            throws ResolveException {
        // openxlab names a dataset OWNER,NAME in its URLs, the comma percent-encoded (get_dataset_repository.py).
        HttpUrl.Builder url = base.newBuilder().addPathSegments("datasets/api/v2/datasets")
                .addEncodedPathSegment(encode(repo.get(0)) + "%2C" + encode(repo.get(1)))
                .addPathSegments("r/main").addQueryParameter("recursive", "true")
                .addQueryParameter("needContent", "true").addQueryParameter("limit", Integer.toString(PAGE_SIZE));
        if (after != null) {
            url.addQueryParameter("after", after);
        }
        OpenXLabApi.Listing listing = api.get(url.build(), headers, OpenXLabApi.Listing.class);
        if (listing.data() == null || listing.data().list() == null && Boolean.TRUE.equals(listing.data().hasMediaFile())) {
            throw api.unexpected("the file list has no data.list");
        }
        return listing.data().list() == null ? new OpenXLabApi.Page(List.of(), false, null, false,
                listing.data().toast()) : listing.data();
    }

    private Source source(Long datasetId, OpenXLabApi.Entry file) throws ResolveException {
        String path = RemotePath.of(file.path(), api);
        List<Checksum> sha256 = List.of();
        if (file.sha256() != null && !file.sha256().isBlank()) {
            try {
                sha256 = List.of(new Checksum("sha256", file.sha256()));
            } catch (IllegalArgumentException e) {
                throw api.unexpected("the sha256 of " + path + " is not 64 hex digits");
            }
        }
        return new Source.HttpSource(endpoint("datasets/resolve", datasetId, file).uri(), path, file.size(), sha256,
                NAME);
    }

    /** {@code <prefix>/<dataset_id>/main/<path>} (downloadCheck and resolve share the shape). */
    private HttpUrl endpoint(String prefix, Long datasetId, OpenXLabApi.Entry file) throws ResolveException {
        return base.newBuilder().addPathSegments(prefix).addPathSegment(datasetId.toString()).addPathSegment("main")
                .addPathSegments(RemotePath.of(file.path(), api)).build();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Instructions withNote(Instructions instructions, String note) {
        return new Instructions(note + ". " + instructions.summary(), instructions.steps());
    }

    /** OWNER and NAME, or null. openxlab.org.cn links carry a leading "datasets" segment. */
    static List<String> repository(URI link) {
        List<String> s = HostName.segments(link);
        if (!s.isEmpty() && s.get(0).equals("datasets")) {
            s = s.subList(1, s.size());
        }
        return s.size() >= 2 ? List.of(s.get(0), s.get(1)) : null;
    }

    static Instructions instructions(CatalogEntry entry, List<String> repo) {
        String name = repo.get(0) + "/" + repo.get(1);
        return new Instructions("OpenDataLab dataset " + name + ": automatic with an OpenXLab AccessKey/SecretKey "
                + "once any form the dataset asks for is filled in.", List.of(
                "Open https://opendatalab.com/" + name + " while logged in and complete any 申请 / 信息 form it asks for",
                "Automatic: get an AccessKey and SecretKey at https://openxlab.org.cn (user centre → 密钥管理), "
                        + "export OPENXLAB_AK=<ak> OPENXLAB_SK=<sk> (or write {\"ak\":…,\"sk\":…} to "
                        + "~/.openxlab/config.json), then run: medfetch add " + entry.id(),
                "By hand instead: pip install -U openxlab, then in Python: import openxlab; openxlab.login(ak=…, sk=…); "
                        + "openxlab.dataset.get(dataset_repo='" + name + "', target_path='" + Steps.folder(entry) + "')",
                Steps.adopt(entry)));
    }
}
