package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.workflow.VerifyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-hash finished files against their recorded SHA-256 and any published checksum; exit 1 on a mismatch.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..1", description = "A queued dataset; default: all.")
    String target;

    @Override
    public Integer call() {
        List<VerifyFiles.Checked> checked = new VerifyFiles(root.workspace()).verify(target);
        PrintWriter out = spec.commandLine().getOut();
        long bad = 0;
        for (VerifyFiles.Checked c : checked) {
            out.println(c.verdict().name().toLowerCase(java.util.Locale.ROOT) + "  " + c.path()
                    + (c.detail() == null ? "" : "  (" + c.detail() + ")"));
            bad += c.verdict() == VerifyFiles.Verdict.OK ? 0 : 1;
        }
        out.println(checked.size() + " file(s) checked, " + bad + " problem(s)");
        out.flush();
        return bad == 0 ? ExitCodes.SUCCESS : ExitCodes.PROBLEMS;
    }
}
