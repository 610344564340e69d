package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Dataverse datasets on any installation, known by link shape ({@code dataset.xhtml?persistentId=},
 * {@code citation?persistentId=}, a file's {@code file.xhtml}), expanded through its native API into
 * files with checksums, each downloaded from the access API. Public files are queued; restricted
 * files and guestbooks need a person in the browser, and embargoed files a wait, so they turn into
 * manual steps.
 *
 * <p>Reference: https://guides.dataverse.org/en/latest/api/dataaccess.html
 */
public final class DataverseResolver implements Resolver {

    public static final Host HOST = Host.named("dataverse", "api: any Dataverse installation, by link shape; "
            + "public files queued, restricted or embargoed ones manual steps").linkHostEndpoint()
            .examples("https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/DBW86T",
                    "https://data.goettingen-research-online.de/citation?persistentId=doi:10.25625/ABCDEF",
                    "https://borealisdata.ca/file.xhtml?persistentId=doi:10.5683/SP3/XYZ123/AB12CD")
            .ids(id -> "https://dataverse.harvard.edu/dataset.xhtml?persistentId=" + id);
    public static final String NAME = HOST.name();

    private final HostClient api;
    private final URI endpoint;

    /** An endpoint replaces the scheme, host and port of dataset links; without one the link's own host is called. */
    public DataverseResolver(HostContext context) {
        this.api = context.client("Dataverse", "The dataset or its files may be restricted: open the dataset "
                + "page to request access.");
        this.endpoint = context.endpoint(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        return HostName.isHttp(link) && (path.endsWith("/dataset.xhtml") || path.endsWith("/citation")
                || path.endsWith("/file.xhtml")) && (persistentId(link) != null || fileId(link) != null);
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (persistentId(link) == null && fileId(link) == null) {
            String reason = link + " names no dataset (expected dataset.xhtml?persistentId=doi:...)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset page with its DOI"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String pid = persistentId(link);
        HttpUrl base = LinkOrigin.origin(link, endpoint);
        if (isFile(link)) {
            return file(entry, link, base, pid);
        }
        if (pid == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        HttpUrl datasetUrl = base.newBuilder().addEncodedPathSegments("api/datasets/:persistentId/")
                .addQueryParameter("persistentId", pid).build();
        HostAnswer answer = api.send(api.request(datasetUrl, Map.of()).build());
        if (!answer.ok() && (answer.says("guestbook") || answer.says("terms"))) {
            return new Resolution.Manual(manual(entry, link, new Held(), true));
        }
        JsonNode data = api.read(answer, DataverseApi.Dataset.class).data();
        if (data == null || !data.isObject()) {
            throw api.unexpected(HostClient.where(datasetUrl) + " has no 'data' object");
        }
        DataverseApi.Version version = data.has("latestVersion")
                ? api.convert(data.get("latestVersion"), DataverseApi.Version.class, "latestVersion") : null;
        HttpUrl filesUrl = base.newBuilder().addEncodedPathSegments("api/datasets/:persistentId/versions/:latest/files")
                .addQueryParameter("persistentId", pid).build();
        DataverseApi.Files files = api.get(filesUrl, Map.of(), DataverseApi.Files.class);
        if (files.data() == null) {
            throw api.unexpected(HostClient.where(filesUrl) + " has no 'data' list");
        }
        if (hasGuestbook(data)) {
            return new Resolution.Manual(manual(entry, link, new Held(), true));
        }
        // Public files are queued; restricted ones are left to a person, who requests access on the page,
        // and embargoed ones too: nobody can download them before the embargo ends.
        List<Source> sources = new ArrayList<>();
        Held held = new Held();
        for (DataverseApi.FileEntry file : files.data()) {
            Source source = source(base, file);
            if (!held.add(file, source.path())) {
                sources.add(source);
            }
        }
        if (sources.isEmpty() && held.none()) {
            throw api.unexpected("dataset " + pid + " lists no files");
        }
        Instructions steps = held.none() ? null : manual(entry, link, held, false);
        return new Resolution.Fetch(sources, steps, info(pid, link, version, data), Map.of(), held.paths());
    }

    /** The files a person must deal with: restricted ones (access requested) and embargoed ones (a wait). */
    private static final class Held {
        private final List<String> restricted = new ArrayList<>();
        private final Map<String, String> embargoed = new LinkedHashMap<>();

        /** Whether the file is held back (and so not queued). */
        boolean add(DataverseApi.FileEntry file, String path) {
            String until = file.embargoedUntil(LocalDate.now(ZoneOffset.UTC));
            if (until != null) {
                embargoed.put(path, until);
            } else if (file.isRestricted()) {
                restricted.add(path);
            } else {
                return false;
            }
            return true;
        }

        boolean none() {
            return restricted.isEmpty() && embargoed.isEmpty();
        }

        List<String> paths() {
            List<String> all = new ArrayList<>(restricted);
            all.addAll(embargoed.keySet());
            return all;
        }
    }

    /** One file's page ({@code file.xhtml?persistentId=} or {@code ?fileId=}): that file alone. */
    private Resolution file(CatalogEntry entry, URI link, HttpUrl base, String pid) throws ResolveException {
        HttpUrl url = pid != null ? base.newBuilder().addEncodedPathSegments("api/files/:persistentId")
                .addQueryParameter("persistentId", pid).build()
                : base.newBuilder().addPathSegments("api/files").addPathSegment(fileId(link)).build();
        DataverseApi.File answer = api.get(url, Map.of(), DataverseApi.File.class);
        if (answer.data() == null) {
            throw api.unexpected(HostClient.where(url) + " has no 'data' object");
        }
        Source source = source(base, answer.data());
        Held held = new Held();
        if (held.add(answer.data(), source.path())) {
            return new Resolution.Manual(manual(entry, link, held, false));
        }
        return new Resolution.Fetch(List.of(source), null, new DatasetInfo(null, null, null, null, link.toString()),
                Map.of());
    }

    private Source source(HttpUrl base, DataverseApi.FileEntry file) throws ResolveException {
        DataverseApi.DataFile df = file.dataFile();
        if (df == null || df.id() == null || df.filename() == null) {
            throw api.unexpected("a file entry has no dataFile id or filename");
        }
        // An ingested tabular file is served as archival TSV unless asked for the original bytes
        // (dataaccess.rst, "format=original"); its published MD5 is the .tab derivative's, so the original
        // gets no published checksum (its SHA-256 is still recorded when it arrives).
        boolean original = df.originalFileName() != null;
        String name = original ? df.originalFileName() : df.filename();
        String path = file.directoryLabel() == null || file.directoryLabel().isBlank() ? name
                : file.directoryLabel() + "/" + name;
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/access/datafile").addPathSegment(df.id().toString());
        if (original) {
            url.addQueryParameter("format", "original");
        }
        return new Source.HttpSource(url.build().uri(), RemotePath.of(path, api),
                original ? df.originalFileSize() : df.filesize(), original ? List.of() : checksums(df), null);
    }

    private List<Checksum> checksums(DataverseApi.DataFile df) throws ResolveException {
        try {
            if (df.checksum() != null && df.checksum().type() != null && df.checksum().value() != null) {
                return List.of(new Checksum(df.checksum().type(), df.checksum().value()));
            }
            return df.md5() == null ? List.of() : List.of(new Checksum("md5", df.md5()));
        } catch (IllegalArgumentException e) {
            throw api.unexpected("the checksum of " + df.filename() + " is not usable: " + e.getMessage());
        }
    }

    /** UNVERIFIED: the dataset JSON is assumed to name its guestbook in a field whose name contains "guestbook". */
    private static boolean hasGuestbook(JsonNode data) {
        return data.properties().stream().anyMatch(field ->
                field.getKey().toLowerCase(Locale.ROOT).contains("guestbook") && !field.getValue().isNull());
    }

    private static DatasetInfo info(String pid, URI link, DataverseApi.Version version, JsonNode data) {
        String title = null;
        String license = null;
        List<String> authors = new ArrayList<>();
        if (version != null) {
            license = version.license() != null ? version.license().name() : version.termsOfUse();
            if (version.metadataBlocks() != null && version.metadataBlocks().citation() != null
                    && version.metadataBlocks().citation().fields() != null) {
                title = version.metadataBlocks().citation().fields().stream()
                        .filter(f -> "title".equals(f.typeName()) && f.value() != null && f.value().isTextual())
                        .map(f -> f.value().asText()).findFirst().orElse(null);
                // "author" is a compound field: a list of {authorName: {value}, authorAffiliation: ...}
                version.metadataBlocks().citation().fields().stream().filter(f -> "author".equals(f.typeName())
                        && f.value() != null).forEach(f -> f.value().forEach(a -> {
                            if (a.path("authorName").hasNonNull("value")) {
                                authors.add(a.path("authorName").get("value").asText());
                            }
                        }));
            }
        }
        String doi = pid.startsWith("doi:") ? pid.substring(4) : null;
        String versionNumber = data.path("latestVersion").hasNonNull("versionNumber")
                ? data.path("latestVersion").get("versionNumber").asText() + "."
                + data.path("latestVersion").path("versionMinorNumber").asText("0") : null;
        return new DatasetInfo(title, doi, license, null, link.toString(), authors,
                DatasetInfo.yearOf(data.path("publicationDate").asText(null)), versionNumber,
                data.path("publisher").asText(null));
    }

    private static Instructions manual(CatalogEntry entry, URI link, Held held, boolean guestbook) {
        List<String> steps = new ArrayList<>();
        if (!held.embargoed.isEmpty()) {
            steps.add("Wait for the embargo to end, then run: medfetch add " + entry.id() + " (" + listed(
                    held.embargoed.entrySet().stream().map(e -> e.getKey() + " until " + e.getValue()).toList()) + ")");
        }
        if (guestbook || !held.restricted.isEmpty()) {
            steps.add("Open " + link + " in a browser (log in if the installation asks)");
        }
        if (guestbook) {
            steps.add("Fill in the guestbook or accept the terms that the Download (or Access Dataset) button shows");
        }
        if (!held.restricted.isEmpty()) {
            steps.add("Request access to the restricted file(s): " + listed(held.restricted));
        }
        if (guestbook || !held.restricted.isEmpty()) {
            steps.add("Download the files into " + Steps.folder(entry));
            steps.add(Steps.adopt(entry));
        }
        String why = guestbook ? "a guestbook or terms must be completed in the browser before the files can be "
                + "downloaded." : (held.restricted.isEmpty() ? "" : held.restricted.size() + " restricted file(s) need "
                + "access granted first; ") + (held.embargoed.isEmpty() ? "" : held.embargoed.size() + " file(s) are "
                + "under embargo until the date shown; ") + "medfetch fetches the public ones (--files can leave the "
                + "others out).";
        return new Instructions("Dataverse dataset: " + why, steps);
    }

    private static String listed(List<String> names) {
        return String.join(", ", names.stream().limit(10).toList())
                + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
    }

    /** The dataset's (or file's) persistent id: doi:..., hdl:..., perma:... */
    static String persistentId(URI link) {
        String pid = HostName.query(link, "persistentId");
        return pid != null && pid.matches("[a-z]+:\\S+") ? pid : null;
    }

    private static String fileId(URI link) {
        String id = isFile(link) ? HostName.query(link, "fileId") : null;
        return id != null && id.matches("\\d+") ? id : null;
    }

    private static boolean isFile(URI link) {
        return link.getPath() != null && link.getPath().endsWith("/file.xhtml");
    }
}
