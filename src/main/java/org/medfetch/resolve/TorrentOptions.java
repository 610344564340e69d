package org.medfetch.resolve;

import java.time.Duration;
import java.util.List;

/**
 * How to fetch one torrent, chosen when it is added and stored with its job.
 *
 * @param files      glob of the files to fetch (e.g. "*.nii.gz"), or null for all
 * @param trackers   extra tracker announce URLs
 * @param peers      extra peers as HOST:PORT
 * @param port       listen port, or null for a free one medfetch picks
 * @param encryption message stream encryption on (slower to connect) or off
 * @param seedRatio  keep seeding until uploaded/size reaches this, or null
 * @param seedTime   keep seeding this long after completion, or null
 * @param webSeeds   extra web seeds (BEP 19) as http(s) URLs
 */
public record TorrentOptions(
        String files,
        List<String> trackers,
        List<String> peers,
        Integer port,
        boolean encryption,
        Double seedRatio,
        Duration seedTime,
        List<String> webSeeds) {

    public static final TorrentOptions DEFAULTS = new TorrentOptions(null, List.of(), List.of(), null, false, null, null);

    public TorrentOptions {
        trackers = List.copyOf(trackers);
        peers = List.copyOf(peers);
        webSeeds = List.copyOf(webSeeds);
    }

    /** Options without extra web seeds. */
    public TorrentOptions(String files, List<String> trackers, List<String> peers, Integer port, boolean encryption,
                          Double seedRatio, Duration seedTime) {
        this(files, trackers, peers, port, encryption, seedRatio, seedTime, List.of());
    }
}
