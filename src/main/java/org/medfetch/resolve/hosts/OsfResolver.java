package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * OSF projects and components ({@code osf.io/ID}): the OSF Storage of the node, folder by folder and
 * page by page, each file with its size, MD5 and SHA-256. A private node needs a personal access token
 * (OSF_TOKEN, as osfclient reads it, or OSF_PAT, as osfr does); a view-only link's key is passed on.
 *
 * <p>Reference: https://developer.osf.io/#tag/Files
 */
public final class OsfResolver implements Resolver, AuthorizesDownloads {

    static final String TOKEN_VARIABLE = "OSF_TOKEN";
    static final String PAT_VARIABLE = "OSF_PAT";
    public static final Host HOST = Host.named("osf", "api: OSF Storage of a project, every folder, with MD5 and "
            + "SHA-256; private projects with a token, else manual steps").api("https://api.osf.io").domains("osf.io")
            .examples("https://osf.io/pvw5x/", "https://osf.io/pvw5x/files/osfstorage")
            .credentials(List.of(TOKEN_VARIABLE + " or " + PAT_VARIABLE + " (optional: private projects)"));
    public static final String NAME = HOST.name();
    /** OSF ids are five lower-case letters or digits; other first segments are site pages. */
    private static final String GUID = "[a-z0-9]{5}";

    private final HostClient api;
    private final HttpUrl base;
    private final Secret token;

    public OsfResolver(HostContext context) {
        this.api = context.client("OSF", "The project may be private: export " + TOKEN_VARIABLE + " (a personal access "
                + "token from osf.io/settings/tokens with the osf.full_read scope) if you are one of its contributors.");
        this.base = context.api(HOST);
        UserConfig user = context.user();
        this.token = user.variable(TOKEN_VARIABLE).map(v -> new Secret(v, TOKEN_VARIABLE))
                .or(() -> user.variable(PAT_VARIABLE).map(v -> new Secret(v, PAT_VARIABLE))).orElse(null);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.host(link).equals("osf.io") && node(link) != null;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String node = node(link);
        if (node == null) {
            return new Resolution.Unavailable(link + " names no OSF project");
        }
        String viewOnly = HostName.query(link, "view_only");
        HttpUrl root = storage("nodes", node, viewOnly);
        HostAnswer first = api.send(api.request(root, headers()).build());
        if (first.code() == 404) {
            // A registration's id is no node's: its files are listed under registrations.
            root = storage("registrations", node, viewOnly);
            first = api.send(api.request(root, headers()).build());
        }
        if (first.code() == 401 || first.code() == 403) {
            return new Resolution.Manual(restricted(entry, node));
        }
        List<Source> sources = new ArrayList<>();
        Deque<HttpUrl> folders = new ArrayDeque<>(List.of(root));
        HostAnswer answer = first;
        int pages = 0;
        while (!folders.isEmpty()) {
            for (HttpUrl page = folders.poll(); page != null; ) {
                NextPage.count(++pages, api);
                OsfApi.Page listing = api.read(answer != null ? answer : api.send(api.request(page, headers()).build()),
                        OsfApi.Page.class);
                answer = null;
                for (OsfApi.Item item : listing.data() == null ? List.<OsfApi.Item>of() : listing.data()) {
                    if (item.attributes() == null) {
                        continue;
                    }
                    if ("folder".equals(item.attributes().kind())) {
                        folders.add(folder(root, item));
                    } else {
                        sources.add(source(item, viewOnly));
                    }
                }
                page = NextPage.of(page, listing.links() == null ? null : listing.links().next(), base, api);
            }
        }
        if (sources.isEmpty()) {
            throw api.unexpected("project " + node + " has no files in OSF Storage");
        }
        return new Resolution.Fetch(sources, null, new DatasetInfo(null, null, null, null, site(node)), Map.of());
    }

    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HttpUrl target = HttpUrl.get(stableUrl.toString());
        if (!target.host().equals(base.host()) && !(osf(target.host()) && osf(base.host()))) {
            HostAuthorizer.requireOrigin(stableUrl, base, "OSF");
        }
        if (token == null) {
            throw new ResolveException("this OSF file needs " + TOKEN_VARIABLE + ", which is not set", false);
        }
        return new Authorizer.Authorized(stableUrl, headers());
    }

    private Source source(OsfApi.Item item, String viewOnly) throws ResolveException {
        OsfApi.Attributes a = item.attributes();
        String path = RemotePath.of(a.materializedPath() != null ? a.materializedPath() : a.name(), api);
        OsfApi.ItemLinks links = item.links();
        // With a token, files come from WaterButler (the upload link), which takes it; osf.io/download/
        // redirects there and would drop the header on the way.
        String chosen = links == null ? null : token != null && links.upload() != null ? links.upload() : links.download();
        HttpUrl url = HttpUrl.get(api.link(chosen, "the download link of " + path));
        if (viewOnly != null) {
            url = url.newBuilder().addQueryParameter("view_only", viewOnly).build();
        }
        List<Checksum> checksums = new ArrayList<>();
        OsfApi.Hashes hashes = a.extra() == null ? null : a.extra().hashes();
        if (hashes != null && hashes.sha256() != null && hashes.sha256().matches("[0-9a-f]{64}")) {
            checksums.add(new Checksum("sha256", hashes.sha256()));
        }
        if (hashes != null && hashes.md5() != null && hashes.md5().matches("[0-9a-f]{32}")) {
            checksums.add(new Checksum("md5", hashes.md5()));
        }
        return new Source.HttpSource(url.uri(), path, a.size(), checksums, token != null ? NAME : null);
    }

    /** {@code BASE/v2/KIND/ID/files/osfstorage/}. */
    private HttpUrl storage(String kind, String node, String viewOnly) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("v2").addPathSegment(kind).addPathSegment(node)
                .addPathSegment("files").addPathSegment("osfstorage").addPathSegment("");
        return viewOnly == null ? url.build() : url.addQueryParameter("view_only", viewOnly).build();
    }

    /** A folder's listing: the root's URL with the folder's path ("/ID/") appended. */
    private HttpUrl folder(HttpUrl root, OsfApi.Item item) throws ResolveException {
        String path = item.attributes().path();
        if (path == null || !path.matches("/[A-Za-z0-9]+/")) {
            throw api.unexpected("folder " + item.attributes().name() + " has no usable path");
        }
        return root.newBuilder().addPathSegments(path.substring(1)).build();
    }

    private Instructions restricted(CatalogEntry entry, String node) {
        String page = site(node);
        return new Instructions("OSF project " + node + " is private: only its contributors can download it.", List.of(
                "If you are a contributor, create a personal access token (osf.io/settings/tokens, scope "
                        + "osf.full_read), export " + TOKEN_VARIABLE + "=<token> and run: medfetch add " + entry.id(),
                "Otherwise ask the project's owners for access, or for a view-only link, on " + page,
                Steps.putFilesIn(entry), Steps.adopt(entry)));
    }

    /** The project's page: on osf.io for the real API, on the endpoint's host otherwise. */
    private String site(String node) {
        String host = base.host().startsWith("api.") ? base.host().substring(4) : base.host();
        return base.newBuilder().host(host).encodedPath("/" + node + "/").build().toString();
    }

    private Map<String, String> headers() {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token.reveal());
    }

    private static boolean osf(String host) {
        return host.equals("osf.io") || host.endsWith(".osf.io");
    }

    static String node(URI link) {
        List<String> s = HostName.segments(link);
        return !s.isEmpty() && s.get(0).matches(GUID) ? s.get(0) : null;
    }
}
