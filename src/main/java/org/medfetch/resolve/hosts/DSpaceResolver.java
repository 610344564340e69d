package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
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
 * Items of any DSpace repository (the institutional repository software of thousands of universities),
 * by link shape: a handle page {@code /handle/<prefix>/<n>} (under any path, {@code /xmlui},
 * {@code /researchworks}...), a DSpace 7 item {@code /items/<uuid>} or {@code /entities/<type>/<uuid>},
 * and files: {@code /bitstreams/<uuid>/download} and {@code /bitstream/handle/<prefix>/<n>/<name>}. The
 * REST API is asked where DSpace puts it: DSpace 7's {@code /server/api} (the handle through
 * {@code /api/pid/find}), then DSpace 5/6's {@code /rest}; the item's ORIGINAL bundle gives the files with
 * size and MD5. When neither answers, the link is left to the web page it then is. An item the repository
 * hides from anonymous users is for a person.
 *
 * <p>Reference: https://github.com/DSpace/RestContract (items.md, bundles.md, bitstreams.md,
 * identifiers.md); https://wiki.lyrasis.org/display/DSDOC6x/REST+API
 */
public final class DSpaceResolver implements Resolver {

    public static final Host HOST = Host.named("dspace", "api: items of any DSpace repository (7+ and 5/6 REST), "
            + "by link shape, the ORIGINAL files with MD5; else a web page").linkHostEndpoint()
            .examples("https://digital.lib.washington.edu/researchworks/handle/1773/45396",
                    "https://demo.dspace.org/items/1911e8a4-6939-490c-b58b-a5d70f8d91fb",
                    "https://demo.dspace.org/bitstreams/1ce6db0e-662f-4a13-ba87-c371ad664b14/download",
                    "https://repository.example.edu/bitstream/handle/10673/20/scans?sequence=1");
    public static final String NAME = HOST.name();
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** A handle: a numeric naming authority (10673, 2027.42) and a local name. */
    private static final Pattern HANDLE = Pattern.compile("/handle/(\\d+(?:\\.\\d+)*/\\d+)/?");
    private static final Pattern ITEM = Pattern.compile("/(?:items|entities/[^/]+)/(" + UUID + ")/?");
    private static final Pattern BITSTREAM = Pattern.compile("/bitstreams/(" + UUID + ")/download/?");
    private static final Pattern FILE = Pattern.compile("/bitstream/handle/\\d+(?:\\.\\d+)*/\\d+/[^/]+");
    /** The path before the part DSpace's own routes begin with: where the repository is installed. */
    private static final Pattern PREFIX = Pattern.compile("^(.*?)/(?:handle|items|entities|bitstreams)/");
    private static final Pattern ITEM_IN_LOCATION = Pattern.compile("/items/(" + UUID + ")");
    private static final int PAGE = 100;

    private final HostClient api;
    private final URI endpoint;
    private final WebPageResolver web;

    public DSpaceResolver(HostContext context) {
        this.api = context.client("DSpace", "The item may be restricted: log in on the repository and download it "
                + "there.");
        this.endpoint = context.endpoint(HOST);
        this.web = new WebPageResolver(context);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        return HostName.isHttp(link) && (end(HANDLE, path) || end(ITEM, path) || end(BITSTREAM, path)
                || end(FILE, path));
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(end(FILE, link.getPath()) ? LinkClass.HTTP : LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String path = link.getPath();
        HttpUrl origin = LinkOrigin.origin(link, endpoint);
        if (end(FILE, path)) {
            HttpUrl file = LinkOrigin.page(link, endpoint);
            return new Resolution.Fetch(List.of(Source.HttpSource.of(file.uri(),
                    RemotePath.of(file.pathSegments().get(file.pathSize() - 1), api))));
        }
        List<HttpUrl> roots = roots(origin, prefix(path));
        for (HttpUrl root : roots) {
            HttpUrl server = root.newBuilder().addPathSegment("server").build();
            Matcher m;
            HostAnswer answer;
            if ((m = last(BITSTREAM, path)) != null) {
                answer = get(server.newBuilder().addPathSegments("api/core/bitstreams").addPathSegment(m.group(1)).build());
                if (dspace(answer)) {
                    return bitstream(entry, link, server, answer);
                }
            } else if ((m = last(ITEM, path)) != null) {
                answer = get(server.newBuilder().addPathSegments("api/core/items").addPathSegment(m.group(1)).build());
                if (dspace(answer)) {
                    return item7(entry, link, server, answer);
                }
            } else if ((m = last(HANDLE, path)) != null) {
                String item = findHandle(server, m.group(1));
                if (item != null) {
                    answer = get(server.newBuilder().addPathSegments("api/core/items").addPathSegment(item).build());
                    if (dspace(answer)) {
                        return item7(entry, link, server, answer);
                    }
                }
                HttpUrl rest = root.newBuilder().addPathSegment("rest").build();
                answer = get(rest.newBuilder().addPathSegment("handle").addPathSegments(m.group(1))
                        .addQueryParameter("expand", "bitstreams").build());
                if (dspace(answer)) {
                    return item6(entry, link, rest, answer);
                }
            }
        }
        return web.resolve(entry, LinkOrigin.moved(link, endpoint));
    }

    /** DSpace 7's handle lookup: a redirect to the item, whose uuid ends its URL; null when not found. */
    private String findHandle(HttpUrl server, String handle) throws ResolveException {
        HttpUrl find = server.newBuilder().addPathSegments("api/pid/find").addQueryParameter("id", handle).build();
        HostAnswer answer = api.probe(api.request(find, Map.of()).build());
        retryable(answer);
        String location = answer.code() / 100 == 3 ? answer.headers().get("Location") : null;
        Matcher uuid = location == null ? null : ITEM_IN_LOCATION.matcher(location);
        return uuid != null && uuid.find() ? uuid.group(1) : null;
    }

    /** A DSpace 7 item: the bitstreams of its ORIGINAL bundle, page by page. */
    private Resolution item7(CatalogEntry entry, URI link, HttpUrl server, HostAnswer answer) throws ResolveException {
        if (refused(answer)) {
            return new Resolution.Manual(restricted(entry, link));
        }
        JsonNode item = api.read(answer, JsonNode.class);
        String uuid = DSpaceApi.text(item, "uuid");
        if (uuid == null) {
            throw api.unexpected("the item has no uuid");
        }
        JsonNode bundles = api.get(server.newBuilder().addPathSegments("api/core/items").addPathSegment(uuid)
                .addPathSegment("bundles").addQueryParameter("size", Integer.toString(PAGE)).build(), Map.of(),
                JsonNode.class);
        List<Source> sources = new ArrayList<>();
        for (JsonNode bundle : DSpaceApi.embedded(bundles, "bundles")) {
            if (!"ORIGINAL".equals(DSpaceApi.text(bundle, "name")) || DSpaceApi.text(bundle, "uuid") == null) {
                continue;
            }
            for (int page = 0; ; page++) {
                NextPage.count(page, api);
                JsonNode listed = api.get(server.newBuilder().addPathSegments("api/core/bundles")
                        .addPathSegment(DSpaceApi.text(bundle, "uuid")).addPathSegment("bitstreams")
                        .addQueryParameter("page", Integer.toString(page)).addQueryParameter("size", Integer.toString(PAGE))
                        .build(), Map.of(), JsonNode.class);
                for (JsonNode b : DSpaceApi.embedded(listed, "bitstreams")) {
                    sources.add(source(DSpaceApi.Bitstream.of(b), server.newBuilder().addPathSegments("api/core/bitstreams")));
                }
                if (DSpaceApi.lastPage(listed)) {
                    break;
                }
            }
        }
        return fetch(entry, link, sources, item);
    }

    /** A DSpace 5/6 item with its bitstreams expanded: those of the ORIGINAL bundle. */
    private Resolution item6(CatalogEntry entry, URI link, HttpUrl rest, HostAnswer answer) throws ResolveException {
        if (refused(answer)) {
            return new Resolution.Manual(restricted(entry, link));
        }
        JsonNode item = api.read(answer, JsonNode.class);
        List<Source> sources = new ArrayList<>();
        for (JsonNode b : item.path("bitstreams")) {
            DSpaceApi.Bitstream bitstream = DSpaceApi.Bitstream.of(b);
            if (bitstream.bundle() == null || bitstream.bundle().equals("ORIGINAL")) {
                // retrieveLink is /bitstreams/<id>/retrieve below the REST root (DSpace 5 and 6 alike).
                HttpUrl.Builder at = rest.newBuilder().addPathSegment("bitstreams");
                HttpUrl url = bitstream.id() == null ? null : at.addPathSegment(bitstream.id()).addPathSegment("retrieve")
                        .build();
                if (url == null || bitstream.name() == null) {
                    throw api.unexpected("a bitstream has no id or name");
                }
                sources.add(new Source.HttpSource(url.uri(), RemotePath.of(bitstream.name(), api), bitstream.size(),
                        checksum(bitstream), null));
            }
        }
        return fetch(entry, link, sources, item);
    }

    private Resolution bitstream(CatalogEntry entry, URI link, HttpUrl server, HostAnswer answer) throws ResolveException {
        if (refused(answer)) {
            return new Resolution.Manual(restricted(entry, link));
        }
        Source source = source(DSpaceApi.Bitstream.of(api.read(answer, JsonNode.class)),
                server.newBuilder().addPathSegments("api/core/bitstreams"));
        return new Resolution.Fetch(List.of(source));
    }

    private Source source(DSpaceApi.Bitstream b, HttpUrl.Builder bitstreams) throws ResolveException {
        if (b.id() == null || b.name() == null) {
            throw api.unexpected("a bitstream has no uuid or name");
        }
        HttpUrl content = bitstreams.addPathSegment(b.id()).addPathSegment("content").build();
        return new Source.HttpSource(content.uri(), RemotePath.of(b.name(), api), b.size(), checksum(b), null);
    }

    private Resolution fetch(CatalogEntry entry, URI link, List<Source> sources, JsonNode item) throws ResolveException {
        if (sources.isEmpty()) {
            throw api.unexpected("the item lists no files in its ORIGINAL bundle (its files may be restricted: open "
                    + link + ")");
        }
        String title = DSpaceApi.metadata(item, "dc.title") != null ? DSpaceApi.metadata(item, "dc.title")
                : DSpaceApi.text(item, "name");
        String handle = DSpaceApi.text(item, "handle");
        DatasetInfo info = new DatasetInfo(title, null, DSpaceApi.metadata(item, "dc.rights"), null,
                handle != null ? "https://hdl.handle.net/" + handle : link.toString(),
                DSpaceApi.metadataAll(item, "dc.contributor.author"),
                DatasetInfo.yearOf(DSpaceApi.metadata(item, "dc.date.issued")), null, HostName.host(link));
        return new Resolution.Fetch(sources, null, info, Map.of());
    }

    private List<Checksum> checksum(DSpaceApi.Bitstream b) {
        try {
            return b.algorithm() == null || b.checksum() == null ? List.of()
                    : List.of(new Checksum(b.algorithm(), b.checksum()));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private HostAnswer get(HttpUrl url) throws ResolveException {
        HostAnswer answer = api.send(api.request(url, Map.of()).build());
        retryable(answer);
        return answer;
    }

    /** A busy or failing server is an error to retry, not a sign that it runs other software. */
    private void retryable(HostAnswer answer) throws ResolveException {
        if (answer.code() == 429 || answer.code() == 408 || answer.code() >= 500) {
            api.check(answer);
        }
    }

    /** DSpace's JSON (an object, or its JSON refusal of a hidden item), not another site's page. */
    private static boolean dspace(HostAnswer answer) {
        if (answer.code() == 404 || answer.code() == 410) {
            return false;
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(answer.body());
            return tree != null && tree.isObject() && (refused(answer) || tree.has("type") || tree.has("uuid"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean refused(HostAnswer answer) {
        return answer.code() == 401 || answer.code() == 403;
    }

    private static Instructions restricted(CatalogEntry entry, URI link) {
        return new Instructions("A DSpace item hidden from anonymous users: the repository shows it after a log-in "
                + "with access to it.", List.of("Open " + link + ", log in (or request a copy, where the repository "
                + "offers it)", "Download the item's files", Steps.putFilesIn(entry), Steps.adopt(entry)));
    }

    /** Where DSpace may live: the origin, and the path before /handle, /items or /bitstreams when there is one. */
    private static List<HttpUrl> roots(HttpUrl origin, List<String> prefix) {
        List<HttpUrl> roots = new ArrayList<>(List.of(origin));
        if (!prefix.isEmpty()) {
            HttpUrl.Builder under = origin.newBuilder();
            prefix.forEach(under::addPathSegment);
            roots.add(under.build());
        }
        return roots;
    }

    private static List<String> prefix(String path) {
        Matcher m = PREFIX.matcher(path);
        if (!m.find()) {
            return List.of();
        }
        return java.util.Arrays.stream(m.group(1).split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean end(Pattern shape, String path) {
        return last(shape, path == null ? "" : path) != null;
    }

    /** The shape at the end of the path, or null. */
    private static Matcher last(Pattern shape, String path) {
        Matcher m = shape.matcher(path);
        while (m.find()) {
            if (m.end() == path.length()) {
                return m;
            }
        }
        return null;
    }
}
