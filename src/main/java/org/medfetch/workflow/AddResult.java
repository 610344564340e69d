package org.medfetch.workflow;

import java.util.List;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;

/**
 * What happened to one target of an add.
 *
 * @param datasetId    the folder under downloads/, or null when nothing was queued
 * @param files        the files planned (and, unless a dry run, queued)
 * @param instructions steps for a person (manual datasets) or notes, or null
 * @param message      why nothing was queued (unavailable, resolution failed), or null
 * @param info         what the host said about the dataset (licence, DOI, landing page), or NONE
 */
public record AddResult(String target, String datasetId, Outcome outcome, List<PlannedFile> files,
                        Instructions instructions, String message, DatasetInfo info) {

    public AddResult {
        files = List.copyOf(files);
        info = info == null ? DatasetInfo.NONE : info;
    }

    public AddResult(String target, String datasetId, Outcome outcome, List<PlannedFile> files,
                     Instructions instructions, String message) {
        this(target, datasetId, outcome, files, instructions, message, DatasetInfo.NONE);
    }

    /**
     * A file to fetch: its workspace-relative path, size when known, and where it comes from.
     *
     * @param credentials its requests carry a host's credentials (never probed without them)
     */
    public record PlannedFile(String path, Long size, String url, boolean torrent, boolean credentials) {

        public PlannedFile withSize(long bytes) {
            return new PlannedFile(path, bytes, url, torrent, credentials);
        }
    }

    /** Bytes of the files whose size is known. */
    public long knownBytes() {
        return files.stream().filter(f -> f.size() != null).mapToLong(PlannedFile::size).sum();
    }

    /** How many files have no known size. */
    public long unknownSizes() {
        return files.stream().filter(f -> f.size() == null).count();
    }

    public boolean manual() {
        return outcome == Outcome.MANUAL;
    }
}
