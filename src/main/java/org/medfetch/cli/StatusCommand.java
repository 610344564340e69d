package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfetch.store.FileRecord;
import org.medfetch.workflow.JobSummary;
import org.medfetch.workflow.QueueStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every queued dataset: state, files and bytes done, torrent pieces, last error.")
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
        if (files) {
            for (JobSummary j : jobs) {
                for (JobSummary.FileStatus f : j.files()) {
                    out.println("  " + f.record().state().label() + "  " + f.record().path() + "  "
                            + Sizes.bytes(f.record().size()) + (f.error() == null ? "" : "  " + f.error()));
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
        map.put("retry_at", status.retryAt() == null ? null : status.retryAt().toString());
        map.put("wait_until", status.waitUntil() == null ? null : status.waitUntil().toString());
        return map;
    }
}
