package org.medfetch.workflow;

import java.time.Instant;
import java.util.List;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;

/**
 * Where one job stands, for status.
 *
 * @param state       manual, cancelled, or the state that best describes its files
 * @param files       every file of the job with what status says about it, a torrent's own files after it
 * @param bytesTotal  sum of the known sizes (null when some size is unknown)
 * @param bytesDone   bytes on disk and recorded
 * @param piecesDone  for torrents, pieces done (null otherwise)
 * @param rate        bytes per second of its running files at their last recorded progress, or null
 * @param lastError   the latest error of one of its files (for a file waiting before a retry, what it waits
 *                    for and until when), or null
 * @param retryAt     the earliest time one of its retrying files may be tried again, when still to come; else null
 * @param access      what fetching it needs: open, account:HOST or manual
 */
public record JobSummary(Job job, String state, List<FileStatus> files, int filesDone, Long bytesTotal, long bytesDone,
                         Integer piecesDone, Integer piecesTotal, Long rate, String lastError, Instant retryAt,
                         String access) {

    /**
     * One file as status shows it.
     *
     * @param retryAt   when a retrying file may be tried again, if still to come; else null
     * @param waitUntil when a running file's wait before its next attempt ends (a server's Retry-After within
     *                  --max-retry-wait), if still to come; else null
     */
    public record FileStatus(FileRecord record, Instant retryAt, Instant waitUntil) {

        /** The file's error as status shows it: what a waiting file waits for, or the last failure. */
        public String error() {
            if (waitUntil != null) {
                return "waiting until " + waitUntil + (record.lastError() == null ? "" : ": " + record.lastError());
            }
            return record.lastError();
        }
    }

    public JobSummary {
        files = List.copyOf(files);
    }

    /** Files counted in "files done of total": a torrent counts by its own files, not itself. */
    public long filesTotal() {
        return files.stream().filter(f -> !f.record().isTorrent()).count();
    }
}
