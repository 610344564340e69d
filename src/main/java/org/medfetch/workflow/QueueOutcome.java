package org.medfetch.workflow;

import java.util.Collection;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.Store;

/** The outcome a set of jobs stands at: the worst of their files' states and of pending manual steps. */
final class QueueOutcome {

    private QueueOutcome() {
    }

    static Outcome of(Store store, Collection<Job> jobs) {
        Outcome worst = Outcome.SUCCESS;
        for (Job job : jobs) {
            if (job.state() == JobState.MANUAL) {
                worst = worst.worse(Outcome.MANUAL);
                continue;
            }
            if (job.state() == JobState.CANCELLED) {
                continue;
            }
            for (FileRecord file : store.files(job.id())) {
                worst = worst.worse(of(file));
            }
        }
        return worst;
    }

    /**
     * Queued or running files left after a run belong to another process working the same workspace,
     * and a file the user paused is their choice: neither is a failure of this command.
     */
    private static Outcome of(FileRecord file) {
        return switch (file.state()) {
            case FAILED -> Outcome.FATAL;
            case RETRYING -> Outcome.RETRYABLE;
            case PAUSED -> "user".equals(file.pauseReason()) ? Outcome.SUCCESS : Outcome.RETRYABLE;
            case MANUAL -> Outcome.MANUAL;
            case QUEUED, RUNNING, VERIFYING, DONE, CANCELLED -> Outcome.SUCCESS;
        };
    }
}
