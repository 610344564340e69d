package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * OpenNeuro datasets ({@code openneuro.org/datasets/dsNNNNNN}, optionally {@code /versions/TAG}): the
 * snapshot's file tree through the GraphQL API, directory by directory, pinned to the version (the
 * latest snapshot when the link names none). Files come from the versioned S3 URL the API gives, or
 * from OpenNeuro's own snapshot file route; annexed files carry the SHA-256 of their git-annex key.
 *
 * <p>Reference: https://docs.openneuro.org/api.html
 */
public final class OpenNeuroResolver implements Resolver {

    public static final Host HOST = Host.named("openneuro", "api: a snapshot's files, pinned to its version, "
            + "with SHA-256 for annexed files").api("https://openneuro.org").domains("openneuro.org")
            .examples("https://openneuro.org/datasets/ds000001", "https://openneuro.org/datasets/ds000001/versions/1.0.0");
    public static final String NAME = HOST.name();
    private static final Pattern DATASET = Pattern.compile("ds\\d{6}");
    /** git-annex's SHA256E backend: SHA256E-s{size}--{sha256}{.ext} (git-annex backends documentation). */
    private static final Pattern ANNEX_KEY = Pattern.compile("SHA256E?-s\\d+--([0-9a-f]{64})(\\..*)?");

    private final HostClient api;
    private final HttpUrl base;

    public OpenNeuroResolver(HostContext context) {
        this.api = context.client("OpenNeuro", "The dataset may not be public yet.");
        this.base = context.api(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "openneuro.org") && dataset(link) != null;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String id = dataset(link);
        if (id == null) {
            return new Resolution.Unavailable(link + " names no OpenNeuro dataset");
        }
        String tag = version(link);
        if (tag == null) {
            OpenNeuroApi.Data data = query(OpenNeuroApi.LATEST, Map.of("id", id));
            if (data.dataset() == null || data.dataset().latestSnapshot() == null
                    || data.dataset().latestSnapshot().tag() == null) {
                throw new ResolveException("OpenNeuro dataset " + id + " has no published snapshot yet", false);
            }
            tag = data.dataset().latestSnapshot().tag();
        }
        List<Source> sources = new ArrayList<>();
        Deque<String[]> trees = new ArrayDeque<>();
        trees.add(new String[] {null, ""});
        for (int queries = 1; !trees.isEmpty(); queries++) {
            String[] tree = trees.poll();
            NextPage.count(queries, api);
            Map<String, Object> variables = new HashMap<>(Map.of("id", id, "tag", tag));
            variables.put("tree", tree[0]);
            OpenNeuroApi.Data data = query(OpenNeuroApi.FILES, variables);
            if (data.snapshot() == null || data.snapshot().files() == null) {
                throw new ResolveException("OpenNeuro has no snapshot " + tag + " of " + id, false);
            }
            for (OpenNeuroApi.File file : data.snapshot().files()) {
                String path = RemotePath.of(tree[1] + file.filename(), api);
                if (Boolean.TRUE.equals(file.directory())) {
                    if (file.id() == null) {
                        throw api.unexpected("directory " + path + " has no tree id");
                    }
                    trees.add(new String[] {file.id(), path + "/"});
                } else {
                    sources.add(source(id, tag, path, file));
                }
            }
        }
        if (sources.isEmpty()) {
            throw api.unexpected("snapshot " + tag + " of " + id + " lists no files");
        }
        HttpUrl page = base.newBuilder().addPathSegment("datasets").addPathSegment(id).addPathSegment("versions")
                .addPathSegment(tag).build();
        // OpenNeuro's snapshot DOIs read 10.18112/openneuro.ID.vTAG (docs/api.md's DatasetDOI example).
        return new Resolution.Fetch(sources, null, new DatasetInfo(null, "10.18112/openneuro." + id + ".v" + tag, null,
                null, page.toString(), List.of(), null, tag, "OpenNeuro"), Map.of());
    }

    private Source source(String id, String tag, String path, OpenNeuroApi.File file) throws ResolveException {
        String given = file.urls() == null ? null : file.urls().stream().filter(u -> HttpUrl.parse(u) != null)
                .findFirst().orElse(null);
        URI url = given != null ? api.link(given, "the URL of " + path) : base.newBuilder().addPathSegments("crn/datasets")
                .addPathSegment(id).addPathSegment("snapshots").addPathSegment(tag).addPathSegment("files")
                .addPathSegment(path.replace('/', ':')).build().uri();
        Matcher key = file.key() == null || !Boolean.TRUE.equals(file.annexed()) ? null : ANNEX_KEY.matcher(file.key());
        List<Checksum> checksums = key != null && key.matches() ? List.of(new Checksum("sha256", key.group(1))) : List.of();
        return new Source.HttpSource(url, path, file.size(), checksums, null);
    }

    private OpenNeuroApi.Data query(String query, Map<String, Object> variables) throws ResolveException {
        HttpUrl graphql = base.newBuilder().addPathSegments("crn/graphql").build();
        OpenNeuroApi.Answer answer = api.postJson(graphql, Map.of("query", query, "variables", variables), Map.of(),
                OpenNeuroApi.Answer.class);
        if (answer.errors() != null && !answer.errors().isEmpty()) {
            String message = HostAnswer.shorten(answer.errors().get(0).message());
            throw new ResolveException("OpenNeuro answered: " + message, false);
        }
        if (answer.data() == null) {
            throw api.unexpected("the answer has no data");
        }
        return answer.data();
    }

    static String dataset(URI link) {
        List<String> s = HostName.segments(link);
        return s.size() >= 2 && s.get(0).equals("datasets") && DATASET.matcher(s.get(1)).matches() ? s.get(1) : null;
    }

    private static String version(URI link) {
        List<String> s = HostName.segments(link);
        return s.size() >= 4 && s.get(2).equals("versions") ? s.get(3) : null;
    }
}
