package org.medfetch.workflow;

import java.util.List;
import org.medfetch.resolve.Instructions;

/**
 * What happened to one target of an add.
 *
 * @param datasetId    the folder under downloads/, or null when nothing was queued
 * @param files        the files planned (and, unless a dry run, queued)
 * @param instructions steps for a person (manual datasets) or notes, or null
 * @param message      why nothing was queued (unavailable, resolution failed), or null
 */
public record AddResult(String target, String datasetId, Outcome outcome, List<PlannedFile> files,
                        Instructions instructions, String message) {

    public AddResult {
        files = List.copyOf(files);
    }

    /** A file to fetch: its workspace-relative path, size when known, and where it comes from. */
    public record PlannedFile(String path, Long size, String url, boolean torrent) {
    }

    public boolean manual() {
        return outcome == Outcome.MANUAL;
    }
}
