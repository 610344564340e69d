package org.medfetch.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfetch.extract.ExtractLimits;
import org.medfetch.resolve.MagnetLink;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.workflow.AddRequest;
import org.medfetch.workflow.TargetLines;
import org.medfetch.workflow.TargetOptions;
import org.medfetch.workflow.UsageException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What add and get take: targets, project, selection, checksum, and torrent and extraction options stored with the job. */
final class AddOptions {

    @Parameters(paramLabel = "TARGET", arity = "0..*",
            description = "Catalog dataset (id, name or unique prefix), http(s) URL, magnet link or .torrent file.")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-i", "--input-file"}, paramLabel = "FILE",
            description = "Read targets from FILE, one per line ('#' starts a comment); indented lines under a target "
                    + "set its checksum=ALGO:HEX, dataset=ID or out=NAME, as in aria2c's input files.")
    Path inputFile;

    @Option(names = {"-p", "--project"}, paramLabel = "P", defaultValue = "default",
            description = "Project the datasets are for (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--checksum", paramLabel = "ALGO:HEX",
            description = "Expected checksum of the single file of a single URL (md5, sha1, sha256, sha512).")
    String checksum;

    @Option(names = "--files", paramLabel = "GLOB",
            description = "Only the files of the dataset (or torrent) whose path matches GLOB, e.g. '*_64.npz'.")
    String files;

    @Option(names = "--dry-run", description = "Print the files and total size without queueing them.")
    boolean dryRun;

    @Option(names = "--tracker", paramLabel = "URL", description = "Extra BitTorrent tracker (repeatable).")
    List<String> trackers = new ArrayList<>();

    @Option(names = "--peer", paramLabel = "HOST:PORT", description = "Extra BitTorrent peer (repeatable).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--web-seed", paramLabel = "URL",
            description = "Extra BitTorrent web seed (BEP 19): an http(s) URL serving the torrent's files (repeatable).")
    List<String> webSeeds = new ArrayList<>();

    @Option(names = "--bt-port", paramLabel = "PORT", description = "BitTorrent listen port (default: a free one).")
    Integer btPort;

    @Option(names = "--bt-encryption", paramLabel = "on|off", defaultValue = "off",
            description = "BitTorrent message stream encryption (default: ${DEFAULT-VALUE}; on connects more slowly).")
    String btEncryption;

    @Option(names = "--seed-ratio", paramLabel = "RATIO", description = "Seed a finished torrent up to this ratio.")
    Double seedRatio;

    @Option(names = "--seed-time", paramLabel = "SECONDS", description = "Seed a finished torrent this long.")
    Long seedTime;

    @Mixin
    ExtractFlags extract;

    AddRequest request() {
        List<String> all = new ArrayList<>(targets);
        Map<String, TargetOptions> options = inputFile == null ? Map.of() : TargetLines.read(inputFile);
        all.addAll(options.keySet());
        if (all.isEmpty()) {
            throw new UsageException("nothing to add: give a TARGET or --input-file");
        }
        return new AddRequest(all, project, checksum, files, dryRun, torrent(), extract.request(ExtractLimits.DEFAULTS),
                options);
    }

    private TorrentOptions torrent() {
        if (!btEncryption.equals("on") && !btEncryption.equals("off")) {
            throw new UsageException("--bt-encryption is on or off, not '" + btEncryption + "'");
        }
        for (String peer : peers) {
            try {
                MagnetLink.parse("magnet:?xt=urn:btih:" + "0".repeat(40) + "&x.pe=" + peer);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--peer " + peer + ": write HOST:PORT");
            }
        }
        for (String tracker : trackers) {
            try {
                MagnetLink.tracker(tracker);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--tracker: " + e.getMessage());
            }
        }
        for (String webSeed : webSeeds) {
            try {
                MagnetLink.webSeed(webSeed);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--web-seed: " + e.getMessage());
            }
        }
        if (btPort != null && (btPort < 1 || btPort > 65535)) {
            throw new UsageException("--bt-port must be between 1 and 65535");
        }
        if (seedRatio != null && seedRatio < 0 || seedTime != null && seedTime < 0) {
            throw new UsageException("--seed-ratio and --seed-time cannot be negative");
        }
        return new TorrentOptions(files, trackers, peers, btPort, btEncryption.equals("on"), seedRatio,
                seedTime == null ? null : Duration.ofSeconds(seedTime), webSeeds);
    }
}
