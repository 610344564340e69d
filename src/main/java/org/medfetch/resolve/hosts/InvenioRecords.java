package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Source;

/**
 * The records API of InvenioRDM, which Zenodo and hundreds of institutional repositories run: a record's
 * metadata at {@code /api/records/<id>}, its files with MD5 in the record (Zenodo) or at
 * {@code /api/records/<id>/files}, restricted or embargoed files as steps for a person. Shared by
 * {@link ZenodoResolver} and {@link InvenioRdmResolver}.
 *
 * <p>Reference: https://inveniordm.docs.cern.ch/reference/rest_api_drafts_records/#get-a-record
 */
final class InvenioRecords {

    /**
     * How one installation differs: its name in messages, the token it reads (Zenodo's only), and whether the
     * file links its records give are moved onto the API's base (as NextPage keeps pages), so a chosen
     * endpoint serves them.
     */
    record Site(String label, String resolver, String publisher, Secret token, String tokenVariable, boolean onBase) {
    }

    private final HostClient api;
    private final Site site;

    InvenioRecords(HostClient api, Site site) {
        this.api = api;
        this.site = site;
    }

    /** The record's answer, whatever its status (a caller that is not sure of the software checks it first). */
    HostAnswer record(HttpUrl base, String id) throws ResolveException {
        return api.send(api.request(recordUrl(base, id), headers()).build());
    }

    Resolution resolve(CatalogEntry entry, HttpUrl base, String id, HostAnswer answer) throws ResolveException {
        HttpUrl recordUrl = recordUrl(base, id);
        if (answer.code() == 401 || answer.code() == 403) {
            return new Resolution.Manual(restricted(entry, base, id, "restricted", null));
        }
        ZenodoApi.Record record = api.read(answer, ZenodoApi.Record.class);
        // Restricted, embargoed or closed files need a person (access granted, or the embargo over):
        // manual steps, exit 5, whether the API lists them or refuses them (401/403).
        String closed = record.closedFiles();
        if (closed != null && site.token() == null) {
            return new Resolution.Manual(restricted(entry, base, id, closed, record.embargoUntil()));
        }
        List<ZenodoApi.File> files = record.files();
        if (files == null || files.isEmpty()) {
            HttpUrl filesUrl = recordUrl.newBuilder().addPathSegment("files").build();
            HostAnswer listed = api.send(api.request(filesUrl, headers()).build());
            if (closed != null && (listed.code() == 401 || listed.code() == 403)) {
                return new Resolution.Manual(restricted(entry, base, id, closed, record.embargoUntil()));
            }
            files = api.read(listed, ZenodoApi.Entries.class).entries();
        }
        if (files == null || files.isEmpty()) {
            if (closed != null) {
                return new Resolution.Manual(restricted(entry, base, id, closed, record.embargoUntil()));
            }
            throw api.unexpected("record " + id + " lists no files");
        }
        List<Source> sources = new ArrayList<>();
        for (ZenodoApi.File file : files) {
            sources.add(source(base, id, file, closed));
        }
        return new Resolution.Fetch(sources, null, info(base, id, record), Map.of());
    }

    Map<String, String> headers() {
        return site.token() == null ? Map.of() : Map.of("Authorization", "Bearer " + site.token().reveal());
    }

    private static HttpUrl recordUrl(HttpUrl base, String id) {
        return base.newBuilder().addPathSegments("api/records").addPathSegment(id).build();
    }

    private Source source(HttpUrl base, String id, ZenodoApi.File file, String closed) throws ResolveException {
        String name = RemotePath.of(file.name(), api);
        ZenodoApi.FileLinks links = file.links();
        // links.self is the file itself only in a record's own file list; in the /files listing and in
        // the shape Zenodo answered with in October 2023 it is the file's metadata, and the bytes are at
        // links.content or links.download. Relative links (as the InvenioRDM docs show them) are read
        // against the API's base.
        String link = links == null ? null : first(links.content(), links.download(), links.self());
        URI url;
        if (link != null) {
            HttpUrl resolved = base.resolve(link.strip());
            if (resolved != null && site.onBase()) {
                resolved = resolved.newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
            }
            url = api.link(resolved == null ? link : resolved.toString(), "the link of " + name);
        } else {
            url = recordUrl(base, id).newBuilder().addPathSegment("files").addPathSegment(name)
                    .addPathSegment("content").build().uri();
        }
        List<Checksum> checksums = file.checksum() == null ? List.of() : checksum(file.checksum());
        // Open records need no credentials to download; a restricted one the token was granted does.
        String auth = site.token() != null && closed != null ? site.resolver() : null;
        return new Source.HttpSource(url, name, file.bytes(), checksums, auth);
    }

    /**
     * "md5:HEX"; a bare HEX is Zenodo's MD5 too (its only algorithm), as records answered in October
     * 2023 and the deposit API give it.
     */
    private static List<Checksum> checksum(String text) {
        try {
            return List.of(text.indexOf(':') < 0 ? new Checksum("md5", text.strip()) : Checksum.parse(text));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private DatasetInfo info(HttpUrl base, String id, ZenodoApi.Record record) {
        ZenodoApi.Metadata m = record.metadata();
        String doi = record.doi() != null ? record.doi() : m == null ? null : m.doi();
        String title = m == null ? null : m.title();
        String license = m == null || m.license() == null ? null : first(m.license().id(), m.license().title());
        String page = record.links() != null && record.links().html() != null ? record.links().html()
                : base.newBuilder().addPathSegment("records").addPathSegment(id).build().toString();
        List<String> creators = m == null || m.creators() == null ? List.of()
                : m.creators().stream().map(ZenodoApi.Creator::fullName).filter(n -> n != null).toList();
        return new DatasetInfo(title, doi, license, citation(m, creators, doi), page, creators,
                m == null ? null : DatasetInfo.yearOf(m.publicationDate()), m == null ? null : m.version(),
                site.publisher());
    }

    /** "Creators (year). Title. Publisher. https://doi.org/DOI", from the record's own metadata. */
    private String citation(ZenodoApi.Metadata m, List<String> creators, String doi) {
        if (m == null || m.title() == null || creators.isEmpty()) {
            return null;
        }
        String year = m.publicationDate() != null && m.publicationDate().length() >= 4
                ? " (" + m.publicationDate().substring(0, 4) + ")" : "";
        return String.join("; ", creators) + year + ". " + m.title() + ". " + site.publisher() + "."
                + (doi != null ? " https://doi.org/" + doi : "");
    }

    private Instructions restricted(CatalogEntry entry, HttpUrl base, String id, String why, String until) {
        String page = base.newBuilder().addPathSegment("records").addPathSegment(id).build().toString();
        String token = site.tokenVariable() == null ? null : "export " + site.tokenVariable() + "=<token> and run: "
                + "medfetch add " + entry.id();
        String download = "Or download the files from the record page into " + Steps.folder(entry) + " and run: "
                + "medfetch adopt " + entry.id() + " " + Steps.folder(entry);
        if (why.equals("embargoed")) {
            return new Instructions(site.label() + " record " + id + " is under embargo" + (until != null ? " until "
                    + until : "") + ": its files open to everyone then.", List.of(
                    "After " + (until != null ? until : "the embargo ends (see " + page + ")") + ", run: medfetch add "
                            + entry.id(),
                    token != null ? "Before that, only the owner can share them: request access on " + page + ", then "
                            + token : "Before that, only the owner can share them: request access on " + page));
        }
        List<String> steps = new ArrayList<>(List.of("Open " + page + " while logged in to " + site.label()
                + " and request access"));
        if (token != null) {
            steps.add("Once granted, create a personal access token (" + site.label() + " → Applications → Personal "
                    + "access tokens), " + token);
            steps.add(download);
        } else {
            steps.add("Once granted, download the files from the record page");
            steps.add(Steps.putFilesIn(entry));
            steps.add(Steps.adopt(entry));
        }
        return new Instructions(site.label() + " record " + id + " is " + why + ": its owner must grant you access.",
                steps);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
