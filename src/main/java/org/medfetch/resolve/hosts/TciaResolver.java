package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
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
 * The Cancer Imaging Archive: collection pages ({@code /collection/<slug>/}), old wiki pages
 * ({@code /display/Public/<NAME>}, {@code /pages/viewpage.action?pageId=N}). Public collections are
 * listed and downloaded series by series through the NBIA REST API, without a token: each series is
 * one zip of DICOM files (so a download resumes series by series), and the collection's series are
 * also written as a {@code .tcia} manifest for the NBIA Data Retriever.
 *
 * <p>Reference: https://wiki.cancerimagingarchive.net/display/Public/NBIA+Search+REST+API+Guide
 */
public final class TciaResolver implements Resolver {

    /** The base is tcia_utils' v4 base (kirbyju/tcia_utils src/tcia_utils/nbia.py setApiUrl). */
    public static final Host HOST = Host.named("tcia", "api: public collections through NBIA, series by series; "
            + "limited-access collections, analysis results and non-Public wiki spaces as manual steps")
            .api("https://nbia.cancerimagingarchive.net/nbia-api/services/v4")
            .domains("cancerimagingarchive.net")
            .examples("https://www.cancerimagingarchive.net/collection/lung-pet-ct-dx/",
                    "https://wiki.cancerimagingarchive.net/display/Public/RIDER+Breast+MRI",
                    "https://wiki.cancerimagingarchive.net/pages/viewpage.action?pageId=24284539",
                    "https://www.cancerimagingarchive.net/analysis-result/pseudo-phi-dicom-data/",
                    "https://wiki.cancerimagingarchive.net/display/NLST/National+Lung+Screening+Trial")
            .ids(id -> "https://wiki.cancerimagingarchive.net/display/Public/" + id.replaceFirst("^Collection=", ""));
    public static final String NAME = HOST.name();

    private final HostClient api;
    private final HttpUrl base;

    public TciaResolver(HostContext context) {
        this.api = context.client("TCIA (NBIA)", "Public collections need no account; this one may be "
                + "limited-access: open its page on www.cancerimagingarchive.net for the access steps.");
        this.base = context.api(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "cancerimagingarchive.net");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        Instructions manual = manual(entry, link);
        if (manual != null) {
            return Classification.manual(NAME, manual);
        }
        if (collection(link) == null) {
            String reason = link + " names no TCIA collection";
            return Classification.unavailable(NAME, reason, new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason,
                    "link https://www.cancerimagingarchive.net/collection/<name>/"));
        }
        return Classification.of(LinkClass.API, NAME);
    }

    /**
     * The steps for links that need a person whatever NBIA says, decided offline so that the class
     * shown by catalog is what add does: an old wiki pageId link, an analysis result, a wiki space
     * other than Public (NLST and other restricted spaces).
     */
    private static Instructions manual(CatalogEntry entry, URI link) {
        List<String> s = HostName.segments(link);
        if (collection(link) == null && HostName.query(link, "pageId") != null) {
            return findName(entry, link);
        }
        if (s.size() >= 2 && s.get(0).equals("analysis-result")) {
            return new Instructions("TCIA analysis result '" + s.get(1) + "': derived data (segmentations, "
                    + "annotations, features) published on its own page, not a collection in NBIA's archive.", List.of(
                    "Open " + link + " and use its Data Access table: each row names its download (a .tcia manifest "
                            + "for the NBIA Data Retriever, a zip, or Aspera)",
                    "Download the files into " + Steps.folder(entry),
                    Steps.adopt(entry)));
        }
        if (s.size() >= 2 && s.get(0).equals("display") && !s.get(1).equals("Public")) {
            return new Instructions("A page of TCIA's '" + s.get(1) + "' wiki space, outside the Public collections: "
                    + "its data is requested and downloaded as that page says (NLST, for one, through NCI's CDAS).",
                    List.of("Open " + link + " and follow its data access steps (a request or an agreement first)",
                            "Download the files into " + Steps.folder(entry),
                            Steps.adopt(entry)));
        }
        return null;
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        Instructions manual = manual(entry, link);
        if (manual != null) {
            return new Resolution.Manual(manual);
        }
        String wanted = collection(link);
        if (wanted == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        Optional<String> name = nbiaName(wanted);
        if (name.isEmpty()) {
            return new Resolution.Manual(notInNbia(entry, link, wanted));
        }
        HttpUrl seriesUrl = base.newBuilder().addPathSegment("getSeries").addQueryParameter("Collection", name.get())
                .build();
        TciaApi.Series[] series = api.get(seriesUrl, Map.of(), TciaApi.Series[].class);
        if (series.length == 0) {
            return new Resolution.Manual(notInNbia(entry, link, name.get()));
        }
        List<Source> sources = new ArrayList<>();
        Set<String> uids = new LinkedHashSet<>();
        Set<String> licenses = new LinkedHashSet<>();
        long dicomBytes = 0;
        for (TciaApi.Series s : series) {
            if (s.uid() == null || !s.uid().matches("[0-9.]+")) {
                throw api.unexpected("a series of " + name.get() + " has no usable SeriesInstanceUID");
            }
            if (!uids.add(s.uid())) {
                continue;
            }
            HttpUrl image = base.newBuilder().addPathSegment("getImage").addQueryParameter("NewFileNames", "Yes")
                    .addQueryParameter("SeriesInstanceUID", s.uid()).build();
            // FileSize counts the DICOM files, not the zip around them, so it is no size to verify against.
            sources.add(new Source.HttpSource(image.uri(), s.uid() + ".zip", null, List.of(), null));
            dicomBytes += s.fileSize() == null ? 0 : s.fileSize();
            if (s.licenseName() != null && !s.licenseName().isBlank()) {
                licenses.add(s.licenseName() + (s.licenseUri() == null ? "" : " (" + s.licenseUri() + ")"));
            }
        }
        String manifest = RemotePath.of(name.get() + ".tcia", api);
        Instructions notes = new Instructions("TCIA serves each series as one zip of DICOM files: " + uids.size()
                + " series, " + dicomBytes + " bytes of DICOM. " + manifest + " lists them for the NBIA Data Retriever.",
                List.of());
        DatasetInfo info = new DatasetInfo(name.get(), null, licenses.isEmpty() ? null : String.join("; ", licenses),
                null, link.toString());
        return new Resolution.Fetch(sources, notes, info, Map.of(manifest, TciaManifest.of(name.get(), List.copyOf(uids))));
    }

    /** NBIA's spelling of a collection: names are case-sensitive ("Lung-PET-CT-Dx"), slugs are not. */
    private Optional<String> nbiaName(String wanted) throws ResolveException {
        HttpUrl url = base.newBuilder().addPathSegment("getCollectionValues").build();
        TciaApi.Collection[] all = api.get(url, Map.of(), TciaApi.Collection[].class);
        String key = key(wanted);
        for (TciaApi.Collection c : all) {
            if (c.name() != null && key(c.name()).equals(key)) {
                return Optional.of(c.name());
            }
        }
        return Optional.empty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Instructions findName(CatalogEntry entry, URI link) {
        return new Instructions("This old TCIA wiki link gives a page number, not the collection's name.", List.of(
                "Open " + link + " (it redirects to the collection's page) or search "
                        + "https://www.cancerimagingarchive.net/browse-collections/ for '" + entry.name() + "'",
                "Run: medfetch add https://www.cancerimagingarchive.net/collection/<name>/ with the name from that page",
                "Or download it with the NBIA Data Retriever from the page's Download button into "
                        + Steps.folder(entry)));
    }

    private static Instructions notInNbia(CatalogEntry entry, URI link, String name) {
        return new Instructions("TCIA collection '" + name + "' has no public series in NBIA's radiology archive; "
                + "its data is downloaded another way.", List.of(
                "Open " + link + " and look at its Data Access table (pathology or other non-DICOM data needs the "
                        + "tool named there, e.g. Aspera or IBM Aspera Connect; limited-access data needs a request)",
                "Download the files into " + Steps.folder(entry),
                Steps.adopt(entry)));
    }

    /** The collection name of a collection or wiki display page, or null for a pageId-only link. */
    static String collection(URI link) {
        List<String> s = HostName.segments(link);
        if (s.size() >= 2 && s.get(0).equals("collection")) {
            return s.get(1);
        }
        if (s.size() >= 3 && s.get(0).equals("display") && s.get(1).equals("Public")) {
            return s.get(2).replace('+', ' ');
        }
        return null;
    }
}
