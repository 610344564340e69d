package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfetch.store.Job;
import org.medfetch.workflow.QueueControl;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** pause, resume, cancel and retry: one small command each, sharing how they select and report. */
final class ControlCommands {

    private ControlCommands() {
    }

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        MedfetchCommand root;

        @Spec
        CommandSpec spec;

        @Mixin
        SelectionOptions select;

        abstract int apply(QueueControl control, Job job);

        abstract String verb();

        @Override
        public Integer call() {
            Workspace workspace = root.existingWorkspace();
            List<Job> jobs = select.selection().jobs(workspace, true);
            QueueControl control = new QueueControl(workspace);
            PrintWriter out = spec.commandLine().getOut();
            for (Job job : jobs) {
                int n = apply(control, job);
                root.say(out, job.datasetId() + ": " + n + " file(s) " + verb());
            }
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause datasets' unfinished files; a running download stops at its next checkpoint.")
    static final class Pause extends Base {
        int apply(QueueControl c, Job job) {
            return c.pause(job);
        }

        String verb() {
            return "paused";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Let paused files run again.")
    static final class Resume extends Base {
        int apply(QueueControl c, Job job) {
            return c.resume(job);
        }

        String verb() {
            return "queued again";
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel datasets' unfinished files (finished files stay; 'medfetch remove' drops a dataset).")
    static final class Cancel extends Base {
        @Option(names = "--purge", description = "Also delete their partial data.")
        boolean purge;

        int apply(QueueControl c, Job job) {
            return c.cancel(job, purge);
        }

        String verb() {
            return purge ? "cancelled, partial data deleted" : "cancelled";
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Make failed, retrying or cancelled files runnable again now.")
    static final class Retry extends Base {
        int apply(QueueControl c, Job job) {
            return c.retry(job);
        }

        String verb() {
            return "queued again";
        }
    }
}
