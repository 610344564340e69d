package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfetch.engine.LeaseOwner;
import org.medfetch.engine.TorrentSources;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.workflow.JobSummary;
import org.medfetch.workflow.QueueStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every queued dataset: state, files and bytes done, torrent pieces, last error; with "
                + "--files, each file and the worker (host:pid) that holds it.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--project"}, paramLabel = "P", description = "Only the datasets of this project.")
    String project;

    @Option(names = "--files", description = "Also list each file.")
    boolean files;

    @Option(names = "--json", description = "One JSON object per dataset (with its files) per line.")
    boolean json;

    @Override
    public Integer call() {
        List<JobSummary> jobs = new QueueStatus(root.existingWorkspace()).jobs(project);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            jobs.forEach(j -> JsonLines.print(out, fields(j)));
            return ExitCodes.SUCCESS;
        }
        TextTable table = new TextTable("DATASET", "STATE", "FILES", "BYTES", "RATE", "ACCESS", "PROJECTS", "ERROR");
        for (JobSummary j : jobs) {
            String pieces = j.piecesTotal() == null ? "" : " (" + j.piecesDone() + "/" + j.piecesTotal() + " pieces)";
            table.add(j.job().datasetId(), j.state(), j.filesDone() + "/" + j.filesTotal(), Sizes.bytes(j.bytesDone())
                    + " of " + Sizes.bytes(j.bytesTotal()) + pieces, j.rate() == null ? "" : Sizes.bytes(j.rate()) + "/s",
                    j.access(), String.join(",", j.job().projects()), j.lastError());
        }
        table.print(out);
        for (JobSummary j : jobs) {
            for (JobSummary.FileStatus status : j.files()) {
                FileRecord f = status.record();
                if (f.isTorrent() && f.sources() != null) {
                    out.println(j.job().datasetId() + ": " + sources(TorrentSources.fromJson(f.sources())));
                }
            }
        }
        if (files) {
            for (JobSummary j : jobs) {
                for (JobSummary.FileStatus status : j.files()) {
                    FileRecord f = status.record();
                    out.println("  " + f.state().label() + "  " + f.path() + "  " + Sizes.bytes(f.size())
                            + (holder(f) == null ? "" : "  held by " + holder(f))
                            + (status.error() == null ? "" : "  " + status.error()));
                }
            }
        }
        if (jobs.isEmpty() && !root.existingWorkspace().hasQueue()) {
            root.say(spec.commandLine().getErr(), "medfetch: nothing is queued in " + root.existingWorkspace().root()
                    + " (medfetch add DATASET queues one)");
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }

    /** Peers, web seeds in use and the bytes each source sent, in one line. */
    static String sources(TorrentSources s) {
        StringBuilder line = new StringBuilder().append(s.peers()).append(s.peers() == 1 ? " peer" : " peers");
        if (!s.webSeeds().isEmpty()) {
            line.append(", ").append(s.webSeedsInUse()).append(" of ").append(s.webSeeds().size())
                    .append(s.webSeeds().size() == 1 ? " web seed" : " web seeds").append(" in use");
        }
        line.append("; ").append(Sizes.bytes(s.peerBytes())).append(" from peers");
        for (TorrentSources.WebSeed w : s.webSeeds()) {
            line.append(", ").append(Sizes.bytes(w.bytes())).append(" from ").append(w.url())
                    .append(w.dropped() == null ? "" : " (dropped)");
        }
        return line.toString();
    }

    private static Map<String, Object> fields(JobSummary j) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dataset", j.job().datasetId());
        map.put("name", j.job().name());
        map.put("projects", j.job().projects());
        map.put("state", j.state());
        map.put("resolver", j.job().resolver());
        map.put("source", j.job().source());
        map.put("access", j.access());
        map.put("files_total", j.filesTotal());
        map.put("files_done", j.filesDone());
        map.put("bytes_total", j.bytesTotal());
        map.put("bytes_done", j.bytesDone());
        map.put("pieces_done", j.piecesDone());
        map.put("pieces_total", j.piecesTotal());
        map.put("rate", j.rate());
        map.put("last_error", j.lastError());
        map.put("retry_at", j.retryAt() == null ? null : j.retryAt().toString());
        map.put("files", j.files().stream().map(StatusCommand::file).toList());
        return map;
    }

    /** The worker (host:pid) holding a running or verifying file, or null. */
    private static String holder(FileRecord f) {
        boolean working = f.state() == FileState.RUNNING || f.state() == FileState.VERIFYING;
        return working && f.leaseOwner() != null ? LeaseOwner.label(f.leaseOwner()) : null;
    }

    private static Map<String, Object> file(JobSummary.FileStatus status) {
        FileRecord f = status.record();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", f.path());
        map.put("kind", f.kind());
        map.put("state", f.state().label());
        map.put("size", f.size());
        map.put("sha256", f.sha256());
        map.put("attempts", f.attempts());
        map.put("last_error", status.error());
        map.put("info_hash", f.infoHash());
        map.put("worker", holder(f));
        if (f.isTorrent()) {
            TorrentSources s = TorrentSources.fromJson(f.sources());
            Map<String, Object> sources = new LinkedHashMap<>();
            sources.put("peers", s.peers());
            sources.put("peer_bytes", s.peerBytes());
            sources.put("web_seeds", s.webSeeds().stream().map(w -> {
                Map<String, Object> seed = new LinkedHashMap<>();
                seed.put("url", w.url());
                seed.put("bytes", w.bytes());
                seed.put("dropped", w.dropped());
                return seed;
            }).toList());
            map.put("sources", sources);
        }
        map.put("retry_at", status.retryAt() == null ? null : status.retryAt().toString());
        map.put("wait_until", status.waitUntil() == null ? null : status.waitUntil().toString());
        return map;
    }
}
