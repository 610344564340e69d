package org.medfetch.workflow;

import java.util.List;
import org.medfetch.resolve.TorrentOptions;

/**
 * What to queue.
 *
 * @param targets  catalog datasets, http(s) URLs, magnet links or .torrent files
 * @param project  the project the datasets are for
 * @param checksum ALGO:HEX expected for the single file of a single URL target, or null
 * @param files    glob selecting some of a dataset's files, or null for all
 * @param dryRun   plan and report without queueing
 * @param torrent  options for torrents (peers, trackers, seeding)
 * @param extract  unpack the dataset's archives once they are done, stored with the job; null for no
 */
public record AddRequest(List<String> targets, String project, String checksum, String files, boolean dryRun,
                         TorrentOptions torrent, ExtractRequest extract) {

    public AddRequest {
        targets = List.copyOf(targets);
    }

    public AddRequest(List<String> targets, String project, String checksum, String files, boolean dryRun,
                      TorrentOptions torrent) {
        this(targets, project, checksum, files, dryRun, torrent, null);
    }
}
