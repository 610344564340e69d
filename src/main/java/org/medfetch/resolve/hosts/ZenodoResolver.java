package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Zenodo records ({@code zenodo.org/records/N}, {@code doi.org/10.5281/zenodo.N}), expanded through
 * the records API into files with sizes and MD5 checksums. A token (ZENODO_TOKEN) is optional: it
 * raises the rate limit and opens restricted records the user was granted.
 *
 * <p>Reference: https://developers.zenodo.org/#records
 */
public final class ZenodoResolver implements Resolver, AuthorizesDownloads {

    static final String TOKEN_VARIABLE = "ZENODO_TOKEN";
    public static final Host HOST = Host.named("zenodo", "api: records with MD5; restricted or embargoed records "
            + "as manual steps").api("https://zenodo.org").domains("zenodo.org", "doi.org/10.5281/zenodo.*")
            .examples("https://zenodo.org/records/7105232", "https://doi.org/10.5281/zenodo.1214456")
            .credentials(List.of(TOKEN_VARIABLE + " (optional: restricted records, higher rate limit)"))
            .ids(id -> "https://zenodo.org/records/" + id);
    public static final String NAME = HOST.name();
    private static final Pattern DOI = Pattern.compile("/?10\\.5281/zenodo\\.(\\d+)");

    private final HostClient api;
    private final HttpUrl base;
    private final Secret token;

    public ZenodoResolver(HostContext context) {
        this.api = context.client("Zenodo", "The record may be restricted: request access on its page, then "
                + "export " + TOKEN_VARIABLE + " (a personal access token from Zenodo → Applications).");
        this.base = context.api(HOST);
        this.token = context.user().variable(TOKEN_VARIABLE).map(v -> new Secret(v, TOKEN_VARIABLE)).orElse(null);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "zenodo.org")
                || HostName.within(link, "doi.org") && DOI.matcher(link.getPath()).matches());
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        if (recordId(link) == null) {
            String reason = link + " names no Zenodo record (expected zenodo.org/records/<number>)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the record page"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String id = recordId(link);
        if (id == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        HttpUrl recordUrl = base.newBuilder().addPathSegments("api/records").addPathSegment(id).build();
        HostAnswer answer = api.send(api.request(recordUrl, headers()).build());
        if (answer.code() == 401 || answer.code() == 403) {
            return new Resolution.Manual(restricted(entry, id, "restricted", null));
        }
        ZenodoApi.Record record = api.read(answer, ZenodoApi.Record.class);
        // Restricted, embargoed or closed files need a person (access granted, or the embargo over):
        // manual steps, exit 5, whether the API lists them or refuses them (401/403).
        String closed = record.closedFiles();
        if (closed != null && token == null) {
            return new Resolution.Manual(restricted(entry, id, closed, record.embargoUntil()));
        }
        List<ZenodoApi.File> files = record.files();
        if (files == null || files.isEmpty()) {
            HttpUrl filesUrl = recordUrl.newBuilder().addPathSegment("files").build();
            HostAnswer listed = api.send(api.request(filesUrl, headers()).build());
            if (closed != null && (listed.code() == 401 || listed.code() == 403)) {
                return new Resolution.Manual(restricted(entry, id, closed, record.embargoUntil()));
            }
            files = api.read(listed, ZenodoApi.Entries.class).entries();
        }
        if (files == null || files.isEmpty()) {
            if (closed != null) {
                return new Resolution.Manual(restricted(entry, id, closed, record.embargoUntil()));
            }
            throw api.unexpected("record " + id + " lists no files");
        }
        List<Source> sources = new ArrayList<>();
        for (ZenodoApi.File file : files) {
            sources.add(source(id, file, closed));
        }
        return new Resolution.Fetch(sources, null, info(id, record), Map.of());
    }

    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Zenodo");
        if (token == null) {
            throw new ResolveException("this Zenodo file needs " + TOKEN_VARIABLE + ", which is not set", false);
        }
        return new Authorizer.Authorized(stableUrl, headers());
    }

    private Source source(String id, ZenodoApi.File file, String closed) throws ResolveException {
        String name = RemotePath.of(file.name(), api);
        ZenodoApi.FileLinks links = file.links();
        // links.self is the file itself only in a record's own file list; in the /files listing and in
        // the shape Zenodo answered with in October 2023 it is the file's metadata, and the bytes are at
        // links.content or links.download.
        String link = links == null ? null : first(links.content(), links.download(), links.self());
        URI url = link != null ? api.link(link, "the link of " + name) : base.newBuilder().addPathSegment("records").addPathSegment(id)
                .addPathSegment("files").addPathSegment(name).build().uri();
        List<Checksum> checksums = file.checksum() == null ? List.of() : checksum(file.checksum());
        // Open records need no credentials to download; a restricted one the token was granted does.
        String auth = token != null && closed != null ? NAME : null;
        return new Source.HttpSource(url, name, file.bytes(), checksums, auth);
    }

    /**
     * "md5:HEX"; a bare HEX is Zenodo's MD5 too (its only algorithm), as records answered in October
     * 2023 and the deposit API give it.
     */
    private List<Checksum> checksum(String text) {
        try {
            return List.of(text.indexOf(':') < 0 ? new Checksum("md5", text.strip()) : Checksum.parse(text));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private DatasetInfo info(String id, ZenodoApi.Record record) {
        ZenodoApi.Metadata m = record.metadata();
        String doi = record.doi() != null ? record.doi() : m == null ? null : m.doi();
        String title = m == null ? null : m.title();
        String license = m == null || m.license() == null ? null : first(m.license().id(), m.license().title());
        String page = record.links() != null && record.links().html() != null ? record.links().html()
                : base.newBuilder().addPathSegment("records").addPathSegment(id).build().toString();
        return new DatasetInfo(title, doi, license, citation(m, doi), page, m == null || m.creators() == null ? List.of()
                : m.creators().stream().map(ZenodoApi.Creator::name).toList(),
                m == null ? null : DatasetInfo.yearOf(m.publicationDate()), m == null ? null : m.version(), "Zenodo");
    }

    /** "Creators (year). Title. Zenodo. https://doi.org/DOI", from the record's own metadata. */
    private static String citation(ZenodoApi.Metadata m, String doi) {
        if (m == null || m.title() == null || m.creators() == null || m.creators().isEmpty()) {
            return null;
        }
        String creators = String.join("; ", m.creators().stream().map(ZenodoApi.Creator::name).toList());
        String year = m.publicationDate() != null && m.publicationDate().length() >= 4
                ? " (" + m.publicationDate().substring(0, 4) + ")" : "";
        return creators + year + ". " + m.title() + ". Zenodo." + (doi != null ? " https://doi.org/" + doi : "");
    }

    private Instructions restricted(CatalogEntry entry, String id, String why, String until) {
        String page = base.newBuilder().addPathSegment("records").addPathSegment(id).build().toString();
        if (why.equals("embargoed")) {
            return new Instructions("Zenodo record " + id + " is under embargo" + (until != null ? " until " + until : "")
                    + ": its files open to everyone then.", List.of(
                    "After " + (until != null ? until : "the embargo ends (see " + page + ")") + ", run: medfetch add "
                            + entry.id(),
                    "Before that, only the owner can share them: request access on " + page + ", then export "
                            + TOKEN_VARIABLE + "=<token> and run: medfetch add " + entry.id()));
        }
        return new Instructions("Zenodo record " + id + " is " + why + ": its owner must grant you access.", List.of(
                "Open " + page + " while logged in to Zenodo and request access",
                "Once granted, create a personal access token (Zenodo → Applications → Personal access tokens), "
                        + "export " + TOKEN_VARIABLE + "=<token> and run: medfetch add " + entry.id(),
                "Or download the files from the record page into " + Steps.folder(entry) + " and run: "
                        + "medfetch adopt " + entry.id() + " " + Steps.folder(entry)));
    }

    private Map<String, String> headers() {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token.reveal());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String recordId(URI link) {
        Matcher doi = DOI.matcher(link.getPath() == null ? "" : link.getPath());
        if (doi.matches()) {
            return doi.group(1);
        }
        List<String> s = HostName.segments(link);
        int i = s.indexOf("records") >= 0 ? s.indexOf("records") : s.indexOf("record");
        return i >= 0 && i + 1 < s.size() && s.get(i + 1).matches("\\d+") ? s.get(i + 1) : null;
    }
}
