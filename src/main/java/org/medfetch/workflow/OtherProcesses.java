package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.engine.StopSignal;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;

/**
 * Files of a run's jobs that another live medfetch process is downloading right now (claimed under a lease
 * it keeps renewing), and waiting until that changes.
 */
final class OtherProcesses {

    /** How often a waiting run looks at the files it waits for. */
    private static final long POLL_MILLIS = 500;

    private final Workspace workspace;

    OtherProcesses(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Files of these jobs that another live process holds: one query however long the queue, and leases
     * judged by the store's clock (on a shared store, the database's, not this host's).
     */
    List<FileRecord> holding(Collection<Job> jobs) {
        Set<Long> ids = new HashSet<>();
        jobs.forEach(j -> ids.add(j.id()));
        List<FileRecord> held = new ArrayList<>();
        for (FileRecord f : workspace.store().leasedFiles()) {
            if (ids.contains(f.jobId()) && !LeaseOwner.gone(f.leaseOwner()) && !LeaseOwner.thisProcess(f.leaseOwner())) {
                held.add(f);
            }
        }
        return held;
    }

    /** Waits until other processes hold another set of these jobs' files than {@code held}, or the stop. */
    List<FileRecord> awaitChange(Collection<Job> jobs, List<FileRecord> held, StopSignal stop) {
        Set<Long> before = ids(held);
        List<FileRecord> now = held;
        while (!stop.raised() && ids(now).equals(before)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.raise(StopSignal.Reason.INTERRUPTED);
            }
            now = holding(jobs);
        }
        return now;
    }

    private static Set<Long> ids(List<FileRecord> files) {
        return Set.copyOf(files.stream().map(FileRecord::id).toList());
    }
}
