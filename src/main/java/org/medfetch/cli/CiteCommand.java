package org.medfetch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.workflow.CitationFormat;
import org.medfetch.workflow.CiteDatasets;
import org.medfetch.workflow.OnlineCitations;
import org.medfetch.workflow.Outcome;
import org.medfetch.workflow.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cite", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print one reference per dataset: from the DOI record its host gave when it was added, else the "
                + "dataset's reference paper, else its name and link marked as unknown; each with its license or terms "
                + "(a '%%' comment in BibTeX, a note in CSL-JSON and RIS).",
            "--online completes each reference that has a DOI from the DOI's own record at doi.org (content "
                    + "negotiation; --endpoint doi=URL replaces doi.org), filling only what it lacks."})
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

    @Option(names = "--online", description = "Complete the references from their DOI records at doi.org; when that "
            + "fails, the citation known offline is printed and one line on stderr says why.")
    boolean online;

    @Override
    public Integer call() {
        CitationFormat chosen = CitationFormat.of(format);
        List<Reference> references = new CiteDatasets(root.workspace()).references(datasets, project);
        Outcome outcome = Outcome.SUCCESS;
        if (online) {
            OnlineCitations.Result completed = new OnlineCitations(root.workspace().doi()).complete(references);
            completed.problems().forEach(p -> spec.commandLine().getErr().println("medfetch: cite --online: " + p));
            spec.commandLine().getErr().flush();
            references = completed.references();
            outcome = completed.outcome();
        }
        spec.commandLine().getOut().print(chosen.write(references));
        spec.commandLine().getOut().flush();
        return ExitCodes.of(outcome);
    }
}
