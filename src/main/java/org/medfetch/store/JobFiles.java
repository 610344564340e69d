package org.medfetch.store;

import java.util.List;
import java.util.Map;

/**
 * A job with all its files and the bytes recorded on disk for each, as status shows them.
 *
 * @param files     every file of the job, a torrent's own files right after the torrent
 * @param bytesDone per file id, the sum of its segments' progress (a file without segments is absent)
 */
public record JobFiles(Job job, List<FileRecord> files, Map<Long, Long> bytesDone) {

    public JobFiles {
        files = List.copyOf(files);
        bytesDone = Map.copyOf(bytesDone);
    }

    public long bytesDone(long fileId) {
        return bytesDone.getOrDefault(fileId, 0L);
    }
}
