package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.engine.JobOptions;
import org.medfetch.engine.TorrentSources;
import org.medfetch.manifest.Manifest;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.store.Extraction;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.Store;

/** Turns one queued job, with its files, into the dataset record of a manifest. */
final class ManifestEntries {

    /** What the bundled catalog says of all its datasets ("这些数据集仅适用于学术研究"). */
    static final String BUNDLED_TERMS = "for academic research only (as the bundled catalog states)";

    private final Store store;
    private final Catalog catalog;
    private final ShareableLinks links;
    private final List<String> unfinished = new ArrayList<>();

    ManifestEntries(Store store, Catalog catalog, ShareableLinks links) {
        this.store = store;
        this.catalog = catalog;
        this.links = links;
    }

    /** Files recorded without a SHA-256 because they were not done. */
    List<String> unfinished() {
        return unfinished;
    }

    Manifest.Dataset dataset(Job job) {
        Optional<CatalogEntry> entry = catalog.entries().stream().filter(e -> e.id().equals(job.datasetId())).findFirst();
        DatasetInfo info = JobJson.info(job.metadata());
        String license = info.license();
        if (license == null && entry.isPresent() && !"url".equals(job.source())
                && CatalogLoader.BUNDLED.equals(catalog.origin())) {
            license = BUNDLED_TERMS;
        }
        Instructions steps = JobJson.instructions(job.instructions());
        List<FileRecord> rows = store.files(job.id());
        Map<Long, FileRecord> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<Manifest.Torrent> torrents = new ArrayList<>();
        List<Manifest.FileEntry> files = new ArrayList<>();
        for (FileRecord r : rows) {
            switch (r.kind()) {
                case "torrent" -> torrents.add(new Manifest.Torrent(links.share(r.url()), r.infoHash(), r.path(),
                        r.state().label(), TorrentSources.fromJson(r.sources()).webSeeds().stream()
                                .filter(w -> w.bytes() > 0).map(w -> links.share(w.url())).toList()));
                case "torrent-file" -> files.add(file(r, Manifest.FileEntry.TORRENT,
                        links.share(byId.containsKey(r.parentId()) ? byId.get(r.parentId()).url() : r.url())));
                case "adopted" -> files.add(file(r, Manifest.FileEntry.ADOPTED, null));
                default -> files.add(file(r, Manifest.FileEntry.HTTP, links.share(r.url())));
            }
        }
        return new Manifest.Dataset(job.datasetId(), job.name(), entry.map(CatalogEntry::section).orElse(null),
                links.share(job.link()), job.resolver(), job.linkClass(),
                new Manifest.SourceRef(job.source() == null ? "url" : job.source(), links.share(job.sourceLink())),
                info.doi(), license, info.citation(), info.landingPage(), QueueStatus.state(store, job),
                JobOptions.fromJson(job.options()).files(),
                steps == null ? null : new Manifest.Steps(steps.summary(), steps.steps()), torrents, files);
    }

    private Manifest.FileEntry file(FileRecord r, String kind, String url) {
        boolean done = r.state() == FileState.DONE && r.sha256() != null;
        if (!done) {
            unfinished.add(r.path());
        }
        List<String> checksums = r.checksums() == null || r.checksums().isBlank() ? List.of()
                : Arrays.stream(r.checksums().trim().split("\\s+")).distinct().sorted().toList();
        Long size = r.size() != null ? r.size() : r.expectedSize();
        return new Manifest.FileEntry(r.path(), kind, url, size, done ? r.sha256() : null, checksums, r.auth(),
                r.state().label(), store.extractions().of(r.id()).map(ManifestEntries::extraction).orElse(null));
    }

    private static Manifest.Extraction extraction(Extraction e) {
        List<Manifest.ExtractedFile> files = e.hashed() ? e.files().stream()
                .map(f -> new Manifest.ExtractedFile(f.path(), f.size(), f.sha256())).toList() : null;
        return new Manifest.Extraction(e.folder(), e.entries(), e.size(), e.archiveRemoved(), files);
    }
}
