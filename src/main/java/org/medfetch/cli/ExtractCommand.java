package org.medfetch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.store.Job;
import org.medfetch.workflow.ExtractArchives;
import org.medfetch.workflow.ExtractRequest;
import org.medfetch.workflow.UsageException;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Unpack the finished archives of datasets safely: into a temporary folder beside each, renamed "
                + "at the end; entries that would land outside, links out, bombs and device files are refused or "
                + "skipped. An archive whose recorded extraction is intact is left alone.",
            "Data formats that are compressed (.nii.gz, .dcm.gz, .npz, .h5) stay as they are; archives inside "
                    + "archives are not unpacked; split and RAR archives are refused."})
final class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Queued datasets (default: all of --project).")
    List<String> datasets = new ArrayList<>();

    @Option(names = {"-p", "--project"}, paramLabel = "P", description = "Every dataset of this project.")
    String project;

    @Option(names = "--remove-archive", description = "Delete each archive after it was unpacked completely.")
    boolean removeArchive;

    @Option(names = "--hash-extracted", description = "Record every unpacked file's SHA-256.")
    boolean hash;

    @Mixin
    ExtractLimitOptions limits;

    @Override
    public Integer call() {
        Workspace workspace = root.existingWorkspace();
        if (datasets.isEmpty() && project == null) {
            throw new UsageException("name the datasets to unpack, or a project: medfetch extract DATASET... | -p P");
        }
        List<Job> jobs = new ArrayList<>();
        datasets.forEach(d -> jobs.add(workspace.job(d)));
        if (datasets.isEmpty()) {
            jobs.addAll(workspace.store().jobs(project));
            if (jobs.isEmpty()) {
                throw new UsageException("project '" + project + "' has no datasets queued");
            }
        }
        List<ExtractArchives.Result> results = Interruptible.run(spec.commandLine().getErr(),
                stop -> new ExtractArchives(workspace).extract(jobs, new ExtractRequest(removeArchive, hash,
                        limits.limits()), limits.limits(), stop::raised));
        ExtractReporter.report(results, spec.commandLine().getOut(), spec.commandLine().getErr());
        if (results.isEmpty()) {
            spec.commandLine().getOut().println("no finished archive to unpack");
        }
        return ExitCodes.of(ExtractArchives.outcome(results));
    }
}
