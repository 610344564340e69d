package org.medfetch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medfetch.workflow.Outcome;
import org.medfetch.workflow.RepairFiles;
import org.medfetch.workflow.UsageException;
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
                + "mismatch, each named with the command that repairs it (--repair does).",
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

    @Option(names = "--repair", description = "Repair what does not match: move a mismatched file aside as "
            + "<name>.mismatch-<utc> and queue it again, queue a missing one again (exit 3: 'medfetch run' fetches them); "
            + "an adopted file gets the steps to fetch it by hand again (exit 5).")
    boolean repair;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (repair) {
            if (manifest != null) {
                throw new UsageException("--repair works on the queue; to repair against a manifest: medfetch sync "
                        + manifest);
            }
            return repair(out);
        }
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
            String fix = c.fix() != null ? c.fix() : manifest != null && c.verdict() != VerifyFiles.Verdict.EXTRA
                    && c.verdict().problem() ? "'medfetch sync " + manifest + "' fetches it again" : null;
            out.println(c.verdict().name().toLowerCase(Locale.ROOT) + "  " + c.path()
                    + (c.detail() == null ? "" : "  (" + c.detail() + ")") + (fix == null ? "" : "; " + fix));
            bad += c.verdict().problem() ? 1 : 0;
        }
        out.println(checked.size() + " file(s) checked, " + bad + " problem(s)");
        out.flush();
        return bad == 0 ? ExitCodes.SUCCESS : ExitCodes.PROBLEMS;
    }

    private int repair(PrintWriter out) {
        Outcome worst = Outcome.SUCCESS;
        int repaired = 0;
        List<RepairFiles.Repaired> all = new RepairFiles(root.existingWorkspace()).repair(target);
        for (RepairFiles.Repaired r : all) {
            VerifyFiles.Checked c = r.checked();
            worst = worst.worse(r.outcome());
            out.println(c.verdict().name().toLowerCase(Locale.ROOT) + "  " + c.path()
                    + (c.detail() == null ? "" : "  (" + c.detail() + ")") + (r.action() == null ? "" : ": " + r.action()));
            if (r.steps() != null) {
                out.println("  " + r.steps().render().replace(System.lineSeparator(), System.lineSeparator() + "  "));
            }
            repaired += r.action() == null ? 0 : 1;
        }
        out.println(all.size() + " file(s) checked, " + repaired + " repaired or given steps");
        out.flush();
        return ExitCodes.of(worst);
    }
}
