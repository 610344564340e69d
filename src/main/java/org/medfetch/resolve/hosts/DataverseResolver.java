package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
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
 * Dataverse datasets ({@code dataset.xhtml?persistentId=doi:...}) on any Dataverse installation,
 * expanded through its native API into files with checksums, each downloaded from the access API.
 * Restricted files and guestbooks need a person in the browser, so they turn into manual steps.
 *
 * <p>Reference: https://guides.dataverse.org/en/latest/api/dataaccess.html
 */
public final class DataverseResolver implements Resolver {

    public static final String NAME = "dataverse";

    private final HostClient api;
    private final URI endpoint;

    /** @param endpoint replaces the scheme, host and port of dataset links; null to call the link's own host */
    public DataverseResolver(OkHttpClient http, URI endpoint) {
        this.api = new HostClient(http, "Dataverse", "The dataset or its files may be restricted: open the dataset "
                + "page to request access.");
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean takesEndpoint() {
        return true;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.host(link).contains("dataverse");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (persistentId(link) == null) {
            String reason = link + " names no dataset (expected dataset.xhtml?persistentId=doi:...)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset page with its DOI"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String pid = persistentId(link);
        if (pid == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        HttpUrl base = LinkOrigin.origin(link, endpoint);
        HttpUrl datasetUrl = base.newBuilder().addEncodedPathSegments("api/datasets/:persistentId/")
                .addQueryParameter("persistentId", pid).build();
        HostAnswer answer = api.send(api.request(datasetUrl, Map.of()).build());
        if (!answer.ok() && (answer.says("guestbook") || answer.says("terms"))) {
            return new Resolution.Manual(manual(entry, link, List.of(), true));
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
        List<String> restricted = files.data().stream().filter(DataverseApi.FileEntry::isRestricted)
                .map(f -> f.label() != null ? f.label() : "(unnamed file)").toList();
        boolean guestbook = hasGuestbook(data);
        if (!restricted.isEmpty() || guestbook) {
            return new Resolution.Manual(manual(entry, link, restricted, guestbook));
        }
        List<Source> sources = new ArrayList<>();
        for (DataverseApi.FileEntry file : files.data()) {
            sources.add(source(base, file));
        }
        if (sources.isEmpty()) {
            throw api.unexpected("dataset " + pid + " lists no files");
        }
        return new Resolution.Fetch(sources, null, info(pid, link, version, data), Map.of());
    }

    private Source source(HttpUrl base, DataverseApi.FileEntry file) throws ResolveException {
        DataverseApi.DataFile df = file.dataFile();
        if (df == null || df.id() == null || df.filename() == null) {
            throw api.unexpected("a file entry has no dataFile id or filename");
        }
        // An ingested tabular file is served as archival TSV unless asked for the original bytes, which
        // the checksum and originalFileSize describe (dataaccess.rst, "format=original").
        boolean original = df.originalFileName() != null;
        String name = original ? df.originalFileName() : df.filename();
        String path = file.directoryLabel() == null || file.directoryLabel().isBlank() ? name
                : file.directoryLabel() + "/" + name;
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/access/datafile").addPathSegment(df.id().toString());
        if (original) {
            url.addQueryParameter("format", "original");
        }
        return new Source.HttpSource(url.build().uri(), RemotePath.of(path, api),
                original ? df.originalFileSize() : df.filesize(), checksums(df), null);
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

    private static Instructions manual(CatalogEntry entry, URI link, List<String> restricted, boolean guestbook) {
        List<String> steps = new ArrayList<>();
        steps.add("Open " + link + " in a browser (log in if the installation asks)");
        if (guestbook) {
            steps.add("Fill in the guestbook or accept the terms that the Download (or Access Dataset) button shows");
        }
        if (!restricted.isEmpty()) {
            steps.add("Request access to the restricted file(s): " + String.join(", ", restricted.stream().limit(10).toList())
                    + (restricted.size() > 10 ? " and " + (restricted.size() - 10) + " more" : ""));
        }
        steps.add("Download the files into " + Steps.folder(entry));
        steps.add(Steps.adopt(entry));
        return new Instructions("Dataverse dataset: " + (guestbook ? "a guestbook or terms must be completed in the "
                + "browser" : "some files are restricted") + " before the files can be downloaded.", steps);
    }

    static String persistentId(URI link) {
        String pid = HostName.query(link, "persistentId");
        return pid != null && pid.startsWith("doi:") ? pid : null;
    }
}
