package org.medfetch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.workflow.AddRequest;
import org.medfetch.workflow.AddResult;
import org.medfetch.workflow.RemoteSizes;
import org.medfetch.workflow.AddTargets;
import org.medfetch.workflow.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Resolve targets and queue their files; manual datasets are recorded with their instructions.")
final class AddCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    AddOptions add;

    @Override
    public Integer call() {
        AddRequest request = add.request();
        List<AddResult> results = new AddTargets(request.dryRun() ? root.sizingWorkspace(RemoteSizes.PER_HOST)
                : root.workspace()).add(request);
        Outcome outcome = AddReporter.report(results, add.dryRun, spec.commandLine().getOut(), spec.commandLine().getErr());
        AddReporter.instructions(results, spec.commandLine().getOut(), true);
        return ExitCodes.of(outcome);
    }
}
