package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.workflow.CiteDatasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "licenses", mixinStandardHelpOptions = true,
        description = "A project's datasets grouped by license or terms of use, flagging the unknown ones and those "
                + "that forbid commercial use.")
final class LicensesCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--project"}, paramLabel = "P", defaultValue = "default",
            description = "The project (default: ${DEFAULT-VALUE}).")
    String project;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<CiteDatasets.LicenseGroup> groups = new CiteDatasets(root.existingWorkspace()).licenses(project);
        for (CiteDatasets.LicenseGroup g : groups) {
            String flag = g.unknown() ? "  [UNKNOWN: check the terms before you use or publish]"
                    : g.nonCommercial() ? "  [NON-COMMERCIAL]" : "";
            out.println((g.unknown() ? "unknown" : g.license()) + flag + " (" + g.datasets().size() + ")");
            out.println("  " + String.join(", ", g.datasets()));
        }
        long unknown = groups.stream().filter(CiteDatasets.LicenseGroup::unknown).mapToLong(g -> g.datasets().size()).sum();
        long nc = groups.stream().filter(CiteDatasets.LicenseGroup::nonCommercial).mapToLong(g -> g.datasets().size()).sum();
        out.println(groups.stream().mapToLong(g -> g.datasets().size()).sum() + " dataset(s): " + unknown
                + " with unknown terms, " + nc + " non-commercial");
        out.flush();
        return ExitCodes.SUCCESS;
    }
}
