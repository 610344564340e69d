package org.medfetch.engine;

/**
 * Hears how transfers advance, for a progress display. Called from worker threads; implementations
 * must be thread-safe and quick.
 */
public interface Progress {

    Progress NONE = new Progress() {
    };

    /**
     * Before a run: a file it will work on (its display name, size or -1, bytes already on disk), so that
     * the total counts every file, not only those started so far.
     */
    default void queued(long fileId, String name, long size, long done) {
    }

    /** A file starts (or resumes): its display name, total size (-1 unknown) and bytes already on disk. */
    default void started(long fileId, String name, long size, long done) {
    }

    /** More bytes arrived. */
    default void advanced(long fileId, long bytes) {
    }

    /** The size became known (or changed after a restart). */
    default void sized(long fileId, long size, long done) {
    }

    /** A torrent's pieces: done of total. */
    default void pieces(long fileId, int done, int total) {
    }

    /** What the file is doing when it is not transferring: "verifying", "re-checking pieces", "retry in 4 s". */
    default void status(long fileId, String message) {
    }

    /**
     * The file waits before its next attempt until {@code until} (a server's Retry-After, or backoff), and why:
     * a wait is never silent.
     */
    default void waiting(long fileId, java.time.Instant until, String why) {
        status(fileId, "waiting until " + until + ": " + why);
    }

    /** The file ended: done, or the error that stopped it. */
    default void finished(long fileId, String outcome) {
    }
}
