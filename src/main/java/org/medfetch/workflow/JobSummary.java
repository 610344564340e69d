package org.medfetch.workflow;

import java.time.Instant;
import java.util.List;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;

/**
 * Where one job stands, for status.
 *
 * @param state       manual, cancelled, or the state that best describes its files
 * @param bytesTotal  sum of the known sizes (null when some size is unknown)
 * @param bytesDone   bytes on disk and recorded
 * @param piecesDone  for torrents, pieces done (null otherwise)
 * @param rate        bytes per second of its running files at their last recorded progress, or null
 * @param lastError   the latest error of one of its files, or null
 * @param retryAt     the earliest time one of its retrying files may be tried again, when still to come; else null
 */
public record JobSummary(Job job, String state, List<FileRecord> files, int filesDone, Long bytesTotal, long bytesDone,
                         Integer piecesDone, Integer piecesTotal, Long rate, String lastError, Instant retryAt) {
}
