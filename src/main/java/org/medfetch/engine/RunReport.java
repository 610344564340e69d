package org.medfetch.engine;

import java.util.List;

/**
 * What a run did, file by file.
 *
 * @param completed files verified and recorded in this run (for a torrent, each of its files)
 * @param failures  files that ended this run failed (fatal) or retrying, with their message
 * @param stopped   files left paused because the run was interrupted
 * @param halted    why the run stopped taking files before the queue was worked (a full disk under the state
 *                  database), or null
 */
public record RunReport(List<Completed> completed, List<Failure> failures, int stopped, String halted) {

    public record Completed(long jobId, long fileId, CompletedFile file) {
    }

    public record Failure(long jobId, long fileId, String path, boolean retryable, String message) {
    }

    /** This run followed by {@code later}, as one. */
    public RunReport and(RunReport later) {
        List<Completed> allCompleted = new java.util.ArrayList<>(completed);
        allCompleted.addAll(later.completed);
        List<Failure> allFailures = new java.util.ArrayList<>(failures);
        allFailures.addAll(later.failures);
        return new RunReport(List.copyOf(allCompleted), List.copyOf(allFailures), stopped + later.stopped,
                halted != null ? halted : later.halted);
    }

    public boolean anyFatal() {
        return failures.stream().anyMatch(f -> !f.retryable());
    }

    public boolean anyRetryable() {
        return failures.stream().anyMatch(Failure::retryable) || stopped > 0 || halted != null;
    }
}
