package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.Store;

/**
 * pause, resume, cancel and retry. A file another medfetch process is working on notices the change at
 * its next progress commit and stops there, keeping what it fetched.
 */
public final class QueueControl {

    private static final Set<FileState> UNFINISHED = Set.of(FileState.QUEUED, FileState.RUNNING, FileState.VERIFYING,
            FileState.RETRYING, FileState.PAUSED);

    private final Workspace workspace;

    public QueueControl(Workspace workspace) {
        this.workspace = workspace;
    }

    /** @return how many files were paused */
    public int pause(Job job) {
        return change(job, UNFINISHED, FileState.PAUSED, "user");
    }

    /** @return how many files will run again */
    public int resume(Job job) {
        return change(job, Set.of(FileState.PAUSED), FileState.QUEUED, null);
    }

    /**
     * Cancels every unfinished file; with purge also deletes their partial data (never a finished file).
     *
     * @return how many files were cancelled
     */
    public int cancel(Job job, boolean purge) {
        Store store = workspace.store();
        int n = change(job, UNFINISHED, FileState.CANCELLED, null);
        store.setJobState(job.id(), JobState.CANCELLED);
        if (purge) {
            for (FileRecord f : store.files(job.id())) {
                if (f.state() != FileState.DONE) {
                    purge(f);
                    store.resetProgress(f.id());
                }
            }
        }
        return n;
    }

    /** Makes failed, retrying and cancelled files of a job runnable again; a cancelled job becomes active. */
    public int retry(Job job) {
        if (job.state() == JobState.CANCELLED) {
            workspace.store().setJobState(job.id(), JobState.ACTIVE);
        }
        List<FileRecord> again = units(job).stream().filter(f -> Set.of(FileState.FAILED, FileState.RETRYING,
                FileState.CANCELLED).contains(f.state())).toList();
        again.forEach(f -> workspace.store().requeue(f.id()));
        return again.size();
    }

    private int change(Job job, Set<FileState> from, FileState to, String reason) {
        int n = 0;
        for (FileRecord f : units(job)) {
            if (from.contains(f.state())) {
                workspace.store().setState(f.id(), to, reason);
                n++;
            }
        }
        return n;
    }

    private List<FileRecord> units(Job job) {
        return workspace.store().files(job.id()).stream().filter(f -> f.parentId() == null).toList();
    }

    /** Deletes a file's partial data: an HTTP file's .part, an unfinished file of a torrent. */
    private void purge(FileRecord f) {
        Path file = workspace.root().resolve(f.path()).normalize();
        if (!file.startsWith(workspace.root().resolve("downloads"))) {
            return;
        }
        try {
            if (f.kind().equals("http")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".part"));
            } else if (f.kind().equals("torrent-file") && Files.isRegularFile(file)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UsageException("cannot delete partial data " + file + ": " + e.getMessage(), e);
        }
    }
}
