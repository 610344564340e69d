package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Authorizer;
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
 * Mendeley Data datasets ({@code data.mendeley.com/datasets/ID[/VERSION]}): the version's files through
 * the public API, in their folders, with sizes and SHA-256. Each file's stable URL is its
 * {@code public-files/.../file_downloaded} address; before every attempt the API is asked again for the
 * file's signed download URL (it expires), which is used instead and never stored.
 *
 * <p>Reference: https://data.mendeley.com/api/docs/
 */
public final class MendeleyResolver implements Resolver, AuthorizesDownloads {

    public static final Host HOST = Host.named("mendeley", "api: a dataset version's files in their folders, with "
            + "SHA-256; signed download URLs asked for before every attempt").api("https://data.mendeley.com")
            .domains("data.mendeley.com")
            .examples("https://data.mendeley.com/datasets/rscbjbr9sj/2", "https://data.mendeley.com/datasets/rscbjbr9sj");
    public static final String NAME = HOST.name();
    /** The public API's media type; without it the API answers its older, private form. */
    private static final Map<String, String> ACCEPT = Map.of("Accept", "application/vnd.mendeley-public-dataset.1+json");

    private final HostClient api;
    private final HttpUrl base;

    public MendeleyResolver(HostContext context) {
        this.api = context.client("Mendeley Data", "The dataset may be private or under embargo: only its page says.");
        this.base = context.api(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.host(link).equals("data.mendeley.com") && dataset(link) != null;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String id = dataset(link);
        if (id == null) {
            return new Resolution.Unavailable(link + " names no Mendeley Data dataset");
        }
        String version = version(link);
        MendeleyApi.Dataset dataset = fetch(id, version);
        List<MendeleyApi.File> files = dataset.files() == null ? List.of() : dataset.files();
        Map<String, String> folders = files.stream().anyMatch(f -> inFolder(f)) ? folders(id, dataset.version())
                : Map.of();
        List<Source> sources = new ArrayList<>();
        for (MendeleyApi.File file : files) {
            if (file.id() == null || file.id().isBlank()) {
                throw api.unexpected("a file of dataset " + id + " has no id");
            }
            String name = file.filename();
            String folder = inFolder(file) ? folders.get(file.folderId()) : null;
            String path = RemotePath.of(folder == null ? name : folder + "/" + name, api);
            MendeleyApi.Content content = file.content();
            List<Checksum> checksums = content != null && content.sha256() != null && content.sha256().matches("[0-9a-fA-F]{64}")
                    ? List.of(new Checksum("sha256", content.sha256())) : List.of();
            sources.add(new Source.HttpSource(stable(id, file.id()).uri(), path, content == null ? null : content.size(),
                    checksums, NAME));
        }
        if (sources.isEmpty()) {
            throw api.unexpected("dataset " + id + " lists no files");
        }
        String shown = dataset.version() != null ? dataset.version().toString() : version;
        HttpUrl.Builder page = base.newBuilder().addPathSegment("datasets").addPathSegment(id);
        if (shown != null) {
            page.addPathSegment(shown);
        }
        MendeleyApi.Licence licence = dataset.licence();
        return new Resolution.Fetch(sources, null, new DatasetInfo(dataset.name(),
                dataset.doi() == null ? null : dataset.doi().id(),
                licence == null ? null : licence.shortName() != null ? licence.shortName() : licence.fullName(), null,
                page.build().toString(), List.of(), DatasetInfo.yearOf(dataset.publishDate()), shown, "Mendeley Data"),
                Map.of());
    }

    /** Asks the API for the file's signed URL now; the stable URL itself when the file is not listed any more. */
    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Mendeley Data");
        List<String> s = HostName.segments(stableUrl);
        if (s.size() < 6 || !s.get(0).equals("public-files")) {
            return new Authorizer.Authorized(stableUrl, Map.of());
        }
        for (MendeleyApi.File file : fetch(s.get(2), null).files()) {
            if (s.get(4).equals(file.id()) && file.content() != null && file.content().downloadUrl() != null) {
                return new Authorizer.Authorized(api.link(file.content().downloadUrl(), "the download URL of "
                        + file.filename()), Map.of());
            }
        }
        return new Authorizer.Authorized(stableUrl, Map.of());
    }

    private MendeleyApi.Dataset fetch(String id, String version) throws ResolveException {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("public-api").addPathSegment("datasets").addPathSegment(id);
        if (version != null) {
            url.addQueryParameter("version", version);
        }
        return api.get(url.build(), ACCEPT, MendeleyApi.Dataset.class);
    }

    /** Folder id to its path ("a/b"), from the version's folder list. */
    private Map<String, String> folders(String id, Integer version) throws ResolveException {
        HttpUrl url = base.newBuilder().addPathSegment("public-api").addPathSegment("datasets").addPathSegment(id)
                .addPathSegment("folders").addPathSegment(version == null ? "1" : version.toString()).build();
        MendeleyApi.Folder[] list = api.get(url, ACCEPT, MendeleyApi.Folder[].class);
        Map<String, MendeleyApi.Folder> byId = new HashMap<>();
        for (MendeleyApi.Folder folder : list) {
            byId.put(folder.id(), folder);
        }
        Map<String, String> paths = new HashMap<>();
        for (MendeleyApi.Folder folder : list) {
            StringBuilder path = new StringBuilder(folder.name());
            int depth = 0;
            for (MendeleyApi.Folder up = byId.get(folder.parentId()); up != null; up = byId.get(up.parentId())) {
                if (++depth > byId.size()) {
                    throw api.unexpected("the folders of dataset " + id + " form a loop");
                }
                path.insert(0, up.name() + "/");
            }
            paths.put(folder.id(), path.toString());
        }
        return paths;
    }

    private HttpUrl stable(String id, String fileId) {
        return base.newBuilder().addPathSegment("public-files").addPathSegment("datasets").addPathSegment(id)
                .addPathSegment("files").addPathSegment(fileId).addPathSegment("file_downloaded").build();
    }

    private static boolean inFolder(MendeleyApi.File file) {
        return file.folderId() != null && !file.folderId().isBlank() && !file.folderId().equals("root");
    }

    static String dataset(URI link) {
        List<String> s = HostName.segments(link);
        return s.size() >= 2 && s.get(0).equals("datasets") && s.get(1).matches("[a-z0-9]{6,20}") ? s.get(1) : null;
    }

    private static String version(URI link) {
        List<String> s = HostName.segments(link);
        return s.size() >= 3 && s.get(2).matches("\\d+") ? s.get(2) : null;
    }
}
