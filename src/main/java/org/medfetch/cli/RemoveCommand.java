package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.store.Job;
import org.medfetch.workflow.JobSelection;
import org.medfetch.workflow.RemoveDatasets;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Drop datasets from the queue (their files stay on disk unless --purge).",
            "With -p P, only take them out of project P; one left in no project leaves the queue. A dataset another "
                    + "medfetch process is downloading is refused (exit 2)."})
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "1..*", description = "Queued datasets (id, or catalog name).")
    List<String> datasets = new ArrayList<>();

    @Option(names = {"-p", "--project"}, paramLabel = "P", description = "Only unlink the datasets from project P.")
    String project;

    @Option(names = "--purge", description = "Also delete the data (downloads/<id>/) of datasets that leave the queue.")
    boolean purge;

    @Override
    public Integer call() {
        Workspace workspace = root.existingWorkspace();
        List<Job> jobs = JobSelection.of(datasets).jobs(workspace, true);
        PrintWriter out = spec.commandLine().getOut();
        for (RemoveDatasets.Removed r : new RemoveDatasets(workspace).remove(jobs, project, purge)) {
            if (!r.removed()) {
                root.say(out, r.datasetId() + ": removed from project " + project + "; still in "
                        + String.join(", ", r.remaining()) + (purge ? " (data kept: other projects use it)" : ""));
            } else if (r.purged()) {
                root.say(out, r.datasetId() + ": removed, " + r.folder() + "/ deleted");
            } else {
                root.say(out, r.datasetId() + ": removed from the queue; its files stay in " + r.folder()
                        + "/ (--purge deletes them)");
            }
        }
        out.flush();
        return ExitCodes.SUCCESS;
    }
}
