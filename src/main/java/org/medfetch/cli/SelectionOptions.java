package org.medfetch.cli;

import java.util.ArrayList;
import java.util.List;
import org.medfetch.workflow.JobSelection;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which queued datasets a command works on: named ones, one project's, or all. */
final class SelectionOptions {

    @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Queued datasets (id, or catalog name).")
    List<String> datasets = new ArrayList<>();

    @Option(names = {"-p", "--project"}, paramLabel = "P", description = "Every dataset of project P.")
    String project;

    @Option(names = "--all", description = "Every queued dataset.")
    boolean all;

    JobSelection selection() {
        return new JobSelection(datasets, project, all);
    }
}
