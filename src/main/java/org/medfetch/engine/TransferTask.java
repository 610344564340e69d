package org.medfetch.engine;

import java.nio.file.Path;
import org.medfetch.resolve.Source;

/**
 * One claimed unit of work for a {@link Transfer}.
 *
 * @param fileId      the store's id of the file (or torrent)
 * @param source      what to fetch
 * @param datasetDir  absolute folder of the dataset; nothing may be written outside it
 * @param target      absolute final path (for HTTP the file, for a torrent its folder or file)
 * @param checkpoints where progress is read from and recorded to
 * @param options     limits and tuning for this run
 * @param stop        raised when the work must stop, keeping its progress
 */
public record TransferTask<S extends Source>(
        long fileId,
        S source,
        Path datasetDir,
        Path target,
        Checkpoints checkpoints,
        TransferOptions options,
        StopSignal stop) {
}
