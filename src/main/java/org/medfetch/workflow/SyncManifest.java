package org.medfetch.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.SafePath;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.manifest.Manifest;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.Store;

/**
 * The sync use case: on any machine, queues every file of a manifest as recorded and runs the queue.
 * The manifest is checked whole before anything changes; files already on disk with the recorded
 * SHA-256 are not fetched again; a download that no longer matches the recorded SHA-256 is reported as
 * a changed remote file, never accepted.
 */
public final class SyncManifest {

    /** @param toFetch files left for the run; @param present files already on disk as recorded */
    public record Queued(String datasetId, int toFetch, int present) {
    }

    /** A file of the manifest that needs a person: its path, why, and what that means for the exit code. */
    public record Problem(String path, String message, Outcome outcome) {
    }

    /**
     * @param problems files that need a person, with why (changed remote, conflicting local file, ...)
     * @param manual   datasets still waiting for manual steps
     */
    public record Result(Manifest manifest, String project, List<Queued> queued, RunQueue.Result run,
                         List<Problem> problems, List<Manifest.Dataset> manual, Outcome outcome) {
    }

    private final Workspace workspace;
    private final boolean hashDone;

    public SyncManifest(Workspace workspace) {
        this(workspace, false);
    }

    /** @param hashDone re-hash the manifest's finished files before working (--verify), not only their size */
    public SyncManifest(Workspace workspace, boolean hashDone) {
        this.workspace = workspace;
        this.hashDone = hashDone;
    }

    /** @param project the project to queue for, or null for the manifest's own */
    public Result sync(Path manifestFile, String project, RunOptions options, Progress progress, StopSignal stop) {
        return sync(manifestFile, project, options, ExtractLimits.DEFAULTS, progress, stop, files -> { });
    }

    /**
     * As with get, a sync never ends successfully before the manifest's files exist here: files another
     * medfetch process holds are waited for (and taken over if it leaves them).
     *
     * @param limits  how far the archives the manifest records as unpacked may expand here
     * @param waiting told once which files other processes hold, before the first wait
     */
    public Result sync(Path manifestFile, String project, RunOptions options, ExtractLimits limits, Progress progress,
                       StopSignal stop, Consumer<List<FileRecord>> waiting) {
        Manifest manifest = ManifestFile.read(manifestFile);
        checkPlaces(manifestFile, manifest);
        String target = project != null ? project : manifest.project();
        ManifestQueue queue = new ManifestQueue(workspace, manifestFile.toAbsolutePath().getParent());
        List<Job> jobs = new ArrayList<>();
        List<Queued> queued = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Manifest.Dataset d : manifest.datasets()) {
            ManifestQueue.Queued q = queue.queue(d, target);
            jobs.add(q.job());
            queued.add(new Queued(d.id(), q.toFetch(), q.present()));
            problems.addAll(q.problems());
        }
        RunQueue.Result run = new RunQueue(workspace, hashDone).runAwaiting(options, progress, stop, jobs,
                new RunQueue.Extraction(null, limits), waiting);
        problems.addAll(changedRemotes(manifest, problems.stream().map(Problem::path).toList()));
        Store store = workspace.store();
        List<Manifest.Dataset> manual = manifest.datasets().stream().filter(d -> store.jobByDataset(d.id())
                .map(j -> j.state() == JobState.MANUAL).orElse(false)).toList();
        Outcome outcome = run.outcome();
        for (Problem p : problems) {
            outcome = outcome.worse(p.outcome());
        }
        return new Result(manifest, target, queued, run, problems, manual, outcome);
    }

    /**
     * Every path must stay inside its dataset's folder and must not belong to another dataset of this
     * workspace; checked for the whole manifest before anything is queued.
     */
    private void checkPlaces(Path manifestFile, Manifest manifest) {
        Store store = workspace.store();
        for (Manifest.Dataset d : manifest.datasets()) {
            List<String> paths = new ArrayList<>(d.files().stream().map(Manifest.FileEntry::path).toList());
            d.torrents().forEach(t -> paths.add(t.path()));
            for (String path : paths) {
                try {
                    SafePath.resolve(workspace.datasetDir(d.id()), path.substring(("downloads/" + d.id() + "/").length()));
                } catch (TransferException e) {
                    throw new UsageException("manifest " + manifestFile + ": dataset " + d.id() + ": " + e.getMessage());
                }
                Optional<FileRecord> owner = store.fileByPath(path);
                Optional<Job> job = owner.flatMap(f -> store.job(f.jobId()));
                if (job.isPresent() && !job.get().datasetId().equals(d.id())) {
                    throw new UsageException("manifest " + manifestFile + ": " + path + " belongs to dataset '"
                            + job.get().datasetId() + "' in this workspace, not to '" + d.id()
                            + "'; sync into another workspace (--workspace DIR)");
                }
            }
        }
    }

    /**
     * Files whose download did not match what the manifest recorded: the remote file changed since the
     * manifest was written. Their record says so, for status and the next sync. Files that never ran
     * (already reported while queueing) are skipped.
     */
    private List<Problem> changedRemotes(Manifest manifest, List<String> reported) {
        Store store = workspace.store();
        List<Problem> changed = new ArrayList<>();
        for (Manifest.Dataset d : manifest.datasets()) {
            for (Manifest.FileEntry f : d.files()) {
                if (f.sha256() == null || f.kind().equals(Manifest.FileEntry.ADOPTED) || reported.contains(f.path())) {
                    continue;
                }
                Optional<FileRecord> rec = store.fileByPath(f.path());
                String why = rec.map(r -> changed(r, f)).orElse(null);
                if (why != null) {
                    String message = "the remote file changed since the manifest was written: " + why;
                    store.fail(rec.get().id(), FileState.FAILED, "CHANGED_REMOTE", message, 0);
                    changed.add(new Problem(f.path(), message, Outcome.FATAL));
                }
            }
        }
        return changed;
    }

    /** Why a file's download shows the remote changed, or null when it does not. */
    private static String changed(FileRecord r, Manifest.FileEntry f) {
        if (r.state() == FileState.DONE && !f.sha256().equals(r.sha256())) {
            return "its SHA-256 is now " + r.sha256() + ", the manifest says " + f.sha256();
        }
        // The engine checked the download against the recorded SHA-256 and size: a mismatch of either
        // means the file on the server is no longer the one the manifest describes.
        boolean mismatch = r.state() == FileState.FAILED
                && ("CHECKSUM".equals(r.errorKind()) || "SIZE_MISMATCH".equals(r.errorKind()));
        return mismatch ? r.lastError() : null;
    }
}
