package org.medfetch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.workflow.CitationFormat;
import org.medfetch.workflow.CiteDatasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cite", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print one reference per dataset: from the DOI record its host gave when it was added, else the "
                + "dataset's reference paper, else its name and link marked as unknown; each with its license or terms "
                + "(a '%' comment in BibTeX, a note in CSL-JSON and RIS)."})
final class CiteCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Queued or catalog datasets (default: the project's).")
    List<String> datasets = new ArrayList<>();

    @Option(names = {"-p", "--project"}, paramLabel = "P", defaultValue = "default",
            description = "The project whose datasets to cite when none is named (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "bibtex",
            description = "bibtex, csl-json or ris (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        CitationFormat chosen = CitationFormat.of(format);
        spec.commandLine().getOut().print(chosen.write(new CiteDatasets(root.workspace()).references(datasets, project)));
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }
}
