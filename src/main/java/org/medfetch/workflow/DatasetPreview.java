package org.medfetch.workflow;

import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.resolve.mirrors.MirrorSources;

/**
 * The show use case: what get would do with a catalog dataset, found the way add finds it (a verified
 * mirror first, then the catalog link) without queueing anything, with the files' sizes (from the host's
 * API or a HEAD within a few seconds per host) and what is known of its licence, DOI and landing page.
 */
public final class DatasetPreview {

    /**
     * @param classified the offline verdict (class, access, mirrors, notes)
     * @param source     where get downloads from ("the mirror 'X' at host", "the zenodo API at zenodo.org"), or
     *                   null when nothing can be downloaded by itself
     * @param planned    the dry run of add: files and sizes, the steps a person must take, or why it failed
     *                   (an unreachable host: sizes unknown)
     * @param reference  licence, DOI and page as cite knows them
     */
    public record Preview(ClassifiedEntry classified, String source, AddResult planned, Reference reference) {

        /** The host's licence, else the catalog's terms, or null. */
        public String license() {
            return planned.info().license() != null ? planned.info().license() : reference.license();
        }

        public DatasetInfo info() {
            return planned.info();
        }
    }

    private final Workspace workspace;

    public DatasetPreview(Workspace workspace) {
        this.workspace = workspace;
    }

    public Preview preview(CatalogEntry entry) {
        ClassifiedEntry classified = new CatalogListing(workspace).classify(entry);
        AddResult planned = new AddTargets(workspace).add(new AddRequest(List.of(entry.id()), "default", null, null, true,
                TorrentOptions.DEFAULTS)).get(0);
        Reference reference = new CiteDatasets(workspace).references(List.of(entry.id()), "default").get(0);
        return new Preview(classified, source(classified), planned, reference);
    }

    private String source(ClassifiedEntry c) {
        MirrorSources.Candidate mirror = c.mirrors().stream().filter(MirrorSources.Candidate::usable).findFirst()
                .orElse(null);
        if (mirror != null) {
            return "the mirror '" + mirror.label() + "' at " + host(mirror.link());
        }
        LinkClass linkClass = c.classification().linkClass();
        return switch (linkClass) {
            case API -> "the " + c.classification().resolver() + " API at " + c.host();
            case HTTP -> c.host();
            case TORRENT -> "BitTorrent (" + c.host() + ")";
            case GIT -> "the repository archive at " + c.host();
            case MANUAL, UNAVAILABLE -> null;
        };
    }

    private static String host(String link) {
        return Resolvers.parse(link).map(Resolvers::host).filter(h -> !h.isEmpty()).orElse(link);
    }
}
