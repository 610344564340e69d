package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medfetch.engine.JobOptions;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.manifest.Manifest;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/**
 * Queues one dataset of a manifest as recorded: the same dataset id, paths and URLs, with the recorded
 * SHA-256 as an expected checksum beside the published ones, so a download that no longer matches fails
 * instead of being accepted. A file already on disk with the recorded SHA-256 is taken as it is; one on
 * disk that differs is left alone and reported, never overwritten.
 */
final class ManifestQueue {

    /** Where a file of the manifest stands after queueing. */
    private enum Placed { FETCH, PRESENT, NEEDS_PERSON }

    /** @param toFetch files and torrents left for the run; @param present files taken as they are on disk */
    record Queued(Job job, int toFetch, int present, List<SyncManifest.Problem> problems) {
    }

    private final Workspace workspace;
    private final Path manifestDir;

    ManifestQueue(Workspace workspace, Path manifestDir) {
        this.workspace = workspace;
        this.manifestDir = manifestDir;
    }

    Queued queue(Manifest.Dataset d, String project) {
        Store store = workspace.store();
        Optional<Job> before = store.jobByDataset(d.id());
        boolean adoptedHere = before.isPresent() && before.get().state() == JobState.ACTIVE;
        Job job = store.addJob(job(d, d.manual() && !adoptedHere ? JobState.MANUAL : JobState.ACTIVE), project);
        unpackAsRecorded(job, d);
        List<SyncManifest.Problem> problems = new ArrayList<>();
        int toFetch = 0;
        int present = 0;
        for (Manifest.Torrent t : d.torrents()) {
            toFetch += torrent(job, t, d, problems) == Placed.FETCH ? 1 : 0;
        }
        for (Manifest.FileEntry f : d.files()) {
            if (f.kind().equals(Manifest.FileEntry.HTTP)) {
                Placed placed = http(job, f, problems);
                toFetch += placed == Placed.FETCH ? 1 : 0;
                present += placed == Placed.PRESENT ? 1 : 0;
            } else if (f.kind().equals(Manifest.FileEntry.ADOPTED) && adopted(job, f, problems)) {
                present++;
            }
        }
        if (d.manual() && !d.files().isEmpty() && present == d.files().size()) {
            store.setJobState(job.id(), JobState.ACTIVE);
        }
        return new Queued(store.job(job.id()).orElseThrow(), toFetch, present, problems);
    }

    private Placed http(Job job, Manifest.FileEntry f, List<SyncManifest.Problem> problems) {
        Store store = workspace.store();
        String expected = expected(f);
        FileRecord rec = store.fileByPath(f.path()).orElseGet(() -> store.addFile(job.id(),
                new NewFile("http", f.url(), f.path(), f.size(), expected, f.auth(), null, false)));
        store.setExpected(rec.id(), expected, f.size());
        Path target = workspace.root().resolve(f.path());
        if (!Files.exists(target) && rec.state() == FileState.DONE && Objects.equals(f.sha256(), rec.sha256())
                && store.extractions().removedAfterExtraction(rec.id())) {
            return Placed.PRESENT; // unpacked here, then deleted as asked: nothing to fetch again
        }
        if (Files.isRegularFile(target)) {
            if (rec.state() == FileState.DONE && (f.sha256() == null || f.sha256().equals(rec.sha256()))
                    && rec.size() != null && rec.size() == size(target)) {
                return Placed.PRESENT;
            }
            if (f.sha256() != null) {
                String actual = VerifyFiles.sha256(target);
                if (actual.equals(f.sha256())) {
                    store.finish(rec.id(), actual, size(target));
                    return Placed.PRESENT;
                }
                String mismatch = "on disk with SHA-256 " + actual + ", but the manifest says " + f.sha256() + "; ";
                if (rec.state() == FileState.DONE && f.sha256().equals(rec.sha256())) {
                    // Fetched and verified here before, changed on disk since: the same damaged file run and
                    // verify report (exit 1), left as it is for the same fix.
                    problems.add(new SyncManifest.Problem(rec.path(), mismatch + "'medfetch verify --repair "
                            + job.datasetId() + "' moves it aside and queues it again", Outcome.PROBLEMS));
                    return Placed.NEEDS_PERSON;
                }
                return fail(rec, mismatch + "move the file away (or delete it) and sync again", problems);
            }
        }
        if (ShareableLinks.redacted(f.url())) {
            return fail(rec, "the manifest's URL had its secrets removed (" + ShareableLinks.REDACTED + "); add the file "
                    + "with its full URL: medfetch add URL --checksum sha256:" + (f.sha256() == null ? "..." : f.sha256()),
                    problems);
        }
        again(rec);
        return Placed.FETCH;
    }

    /** Files the manifest records as unpacked are unpacked here too, the same way, once fetched. */
    private void unpackAsRecorded(Job job, Manifest.Dataset d) {
        List<Manifest.Extraction> unpacked = d.files().stream().map(Manifest.FileEntry::extraction)
                .filter(Objects::nonNull).toList();
        if (!unpacked.isEmpty()) {
            workspace.store().extractions().setSettings(job.id(), JobJson.extract(new ExtractRequest(
                    unpacked.stream().anyMatch(Manifest.Extraction::archiveRemoved),
                    unpacked.stream().anyMatch(x -> x.files() != null), ExtractLimits.DEFAULTS)));
        }
    }

    /** An adopted file counts when it is on disk with its recorded SHA-256 (a person copied it here). */
    private boolean adopted(Job job, Manifest.FileEntry f, List<SyncManifest.Problem> problems) {
        Path target = workspace.root().resolve(f.path());
        if (!Files.isRegularFile(target)) {
            return false;
        }
        Store store = workspace.store();
        Optional<FileRecord> rec = store.fileByPath(f.path());
        if (rec.isPresent() && rec.get().state() == FileState.DONE && f.sha256().equals(rec.get().sha256())) {
            return true;
        }
        String actual = VerifyFiles.sha256(target);
        if (!actual.equals(f.sha256())) {
            problems.add(new SyncManifest.Problem(f.path(), "on disk with SHA-256 " + actual + ", but the manifest says " + f.sha256()
                    + "; adopt the right file: medfetch adopt " + job.datasetId() + " PATH", Outcome.PROBLEMS));
            return false;
        }
        FileRecord row = rec.orElseGet(() -> store.addFile(job.id(), new NewFile("adopted", f.path(), f.path(),
                f.size(), null, null, null)));
        store.finish(row.id(), actual, size(target));
        return true;
    }

    private Placed torrent(Job job, Manifest.Torrent t, Manifest.Dataset d, List<SyncManifest.Problem> problems) {
        Store store = workspace.store();
        Optional<String> uri = torrentUri(t);
        FileRecord rec = store.fileByPath(t.path()).orElseGet(() -> store.addFile(job.id(),
                new NewFile("torrent", uri.orElse(t.url()), t.path(), null, null, null, null)));
        if (uri.isEmpty()) {
            return fail(rec, "the .torrent file '" + t.url() + "' is neither in the workspace nor beside the manifest, and "
                    + "the manifest has no info-hash; copy it there and sync again", problems);
        }
        boolean missing = d.files().stream().filter(f -> t.url().equals(f.url()))
                .anyMatch(f -> !Files.isRegularFile(workspace.root().resolve(f.path())));
        if (rec.state() != FileState.DONE || missing) {
            again(rec);
            return Placed.FETCH;
        }
        return Placed.PRESENT;
    }

    /** Where the torrent comes from on this machine: its link, its .torrent file, or a magnet of its info-hash. */
    private Optional<String> torrentUri(Manifest.Torrent t) {
        String lower = t.url().toLowerCase(Locale.ROOT);
        if (lower.startsWith("magnet:") || lower.startsWith("http://") || lower.startsWith("https://")) {
            return Optional.of(t.url());
        }
        Path named = Path.of(t.url());
        Set<Path> candidates = new LinkedHashSet<>(List.of(workspace.root().resolve(named), manifestDir.resolve(named)));
        if (named.getFileName() != null) {
            candidates.add(manifestDir.resolve(named.getFileName()));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize().toString());
            }
        }
        return t.infoHash() == null ? Optional.empty() : Optional.of("magnet:?xt=urn:btih:" + t.infoHash());
    }

    /** Makes a file fetchable again; one that failed for good, or is gone though done, starts from scratch. */
    private void again(FileRecord rec) {
        Store store = workspace.store();
        switch (rec.state()) {
            case DONE, FAILED, CANCELLED -> {
                store.resetProgress(rec.id());
                store.requeue(rec.id());
            }
            case RETRYING, PAUSED -> store.requeue(rec.id());
            default -> {
                // queued, or another medfetch process works on it
            }
        }
    }

    private Placed fail(FileRecord rec, String message, List<SyncManifest.Problem> problems) {
        workspace.store().fail(rec.id(), FileState.FAILED, "LOCAL_CONFLICT", message, 0);
        problems.add(new SyncManifest.Problem(rec.path(), message, Outcome.FATAL));
        return Placed.NEEDS_PERSON;
    }

    /** The published checksums, plus the recorded SHA-256: a download must match what the manifest saw. */
    private static String expected(Manifest.FileEntry f) {
        Set<String> all = new LinkedHashSet<>(f.checksums());
        if (f.sha256() != null) {
            all.add("sha256:" + f.sha256());
        }
        return all.isEmpty() ? null : String.join(" ", all);
    }

    private static NewJob job(Manifest.Dataset d, JobState state) {
        Instructions steps = d.instructions() == null ? null
                : new Instructions(d.instructions().summary(), d.instructions().steps());
        // the web seeds that served the manifest's machine serve this one too
        List<String> webSeeds = d.torrents().stream().flatMap(t -> t.webSeeds().stream()).distinct().toList();
        String options = new JobOptions(d.selection(), new TorrentOptions(d.selection(), List.of(), List.of(), null, false,
                null, null, webSeeds)).toJson();
        String target = "url".equals(d.source().kind()) && d.link() != null ? d.link() : d.id();
        return new NewJob(d.id(), d.name(), target, d.link(), d.resolver(), d.linkClass(), d.source().kind(),
                d.source().link(), state, JobJson.instructions(steps), options,
                JobJson.info(new DatasetInfo(null, d.doi(), d.license(), d.citation(), d.landingPage())));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
