package org.medfetch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.medfetch.engine.RunOptions;
import org.medfetch.manifest.Manifest;
import org.medfetch.workflow.SyncManifest;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetch exactly the files of a manifest into this workspace and verify them against the SHA-256 "
                + "it records: files already here with that SHA-256 are kept, a download that no longer matches fails "
                + "(the remote file changed). Manual datasets are listed with their instructions (exit 5).",
            "A malformed or hand-edited manifest is refused with one line naming the problem, before anything changes."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MANIFEST", description = "A manifest written by 'medfetch manifest', e.g. manifests/thesis.json.")
    Path manifest;

    @Option(names = {"-p", "--project"}, paramLabel = "Q",
            description = "Queue the datasets for this project (default: the manifest's).")
    String project;

    @Mixin
    RunSettings settings;

    @Override
    public Integer call() {
        RunOptions options = settings.options();
        Workspace workspace = root.workspace();
        SyncManifest.Result result;
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = root.progress(settings.noProgress);
        try (progress) {
            result = Interruptible.run(err, stop -> new SyncManifest(workspace, settings.verify).sync(manifest, project, options,
                    settings.extractLimits.limits(), progress, stop));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (SyncManifest.Queued q : result.queued()) {
            root.say(out, q.datasetId() + ": " + q.toFetch() + " to fetch, " + q.present() + " already here");
        }
        Set<String> explained = result.problems().stream().map(p -> p.path()).collect(Collectors.toSet());
        RunSummary.print(result.run(), progress, workspace.root(), root.informational(out), err, explained::contains);
        ExtractReporter.report(result.run().extracted(), out, err);
        result.problems().forEach(p -> err.println("medfetch: " + p.path() + ": " + p.message()));
        for (Manifest.Dataset d : result.manual()) {
            out.println();
            out.println(d.id() + ": manual steps needed" + (d.instructions() == null ? "" : ": "
                    + d.instructions().summary()));
            List<String> steps = d.instructions() == null ? List.of() : d.instructions().steps();
            for (int i = 0; i < steps.size(); i++) {
                out.println("  " + (i + 1) + ". " + steps.get(i));
            }
            if (!d.files().isEmpty()) {
                out.println("  The manifest expects: " + String.join(", ", d.files().stream().map(f -> f.path()).toList()));
            }
            out.println("  Then: medfetch adopt " + d.id() + " PATH...");
        }
        out.flush();
        err.flush();
        return ExitCodes.of(result.outcome());
    }
}
