package org.medfetch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medfetch.workflow.VerifyFiles;
import org.medfetch.workflow.VerifyManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-hash finished files against their recorded SHA-256 and any published checksum; exit 1 on a "
                + "mismatch.",
            "With --manifest, check the files on disk against a manifest instead: missing, mismatched and extra files "
                    + "(extra: in a dataset's folder but not in the manifest); exit 0 only when all match."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..1", description = "A queued dataset (or a dataset of the manifest); "
            + "default: all.")
    String target;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Check against this manifest, e.g. manifests/thesis.json.")
    Path manifest;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<VerifyFiles.Checked> checked;
        if (manifest != null) {
            VerifyManifest.Report report = new VerifyManifest(root.existingWorkspace().root()).verify(manifest, target);
            checked = report.checked();
            report.notes().forEach(n -> out.println("note: " + n));
        } else {
            checked = new VerifyFiles(root.existingWorkspace()).verify(target);
        }
        long bad = 0;
        for (VerifyFiles.Checked c : checked) {
            out.println(c.verdict().name().toLowerCase(Locale.ROOT) + "  " + c.path()
                    + (c.detail() == null ? "" : "  (" + c.detail() + ")"));
            bad += c.verdict().problem() ? 1 : 0;
        }
        out.println(checked.size() + " file(s) checked, " + bad + " problem(s)");
        out.flush();
        return bad == 0 ? ExitCodes.SUCCESS : ExitCodes.PROBLEMS;
    }
}
