package org.medfetch.engine;

import java.util.List;
import org.medfetch.resolve.Source;

/**
 * Moves the bytes of one source into the workspace. An implementation continues whatever a previous
 * attempt left (recorded through the task's {@link Checkpoints}), never deletes partial data on failure,
 * and returns the final file(s) only after they are verified.
 */
public interface Transfer<S extends Source> {

    /**
     * @return every completed file with its SHA-256 (one for HTTP, the selected files for a torrent)
     * @throws TransferException   a failure, classified as retryable or not
     * @throws TransferStopped     the task's stop signal was raised (pause, cancel, Ctrl-C); progress is kept
     */
    List<CompletedFile> fetch(TransferTask<S> task, Progress progress) throws TransferException, TransferStopped;
}
