package org.medfetch.workflow;

import java.util.List;
import java.util.Map;
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
 * @param options  per-target options from an input file (checksum=, dataset=, out=), by target as written
 */
public record AddRequest(List<String> targets, String project, String checksum, String files, boolean dryRun,
                         TorrentOptions torrent, ExtractRequest extract, Map<String, TargetOptions> options) {

    public AddRequest {
        targets = List.copyOf(targets);
        options = Map.copyOf(options);
    }

    public AddRequest(List<String> targets, String project, String checksum, String files, boolean dryRun,
                      TorrentOptions torrent, ExtractRequest extract) {
        this(targets, project, checksum, files, dryRun, torrent, extract, Map.of());
    }

    /** What the input file said under a target, or nothing. */
    public TargetOptions options(String target) {
        return options.getOrDefault(target, TargetOptions.NONE);
    }

    public AddRequest(List<String> targets, String project, String checksum, String files, boolean dryRun,
                      TorrentOptions torrent) {
        this(targets, project, checksum, files, dryRun, torrent, null);
    }
}
