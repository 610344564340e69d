package org.medfetch.cli;

import java.util.concurrent.Callable;
import org.medfetch.workflow.QueueControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** pause, resume, cancel and retry: one small command each, sharing how they report. */
final class ControlCommands {

    private ControlCommands() {
    }

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        MedfetchCommand root;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TARGET", description = "A queued dataset (id, or catalog name).")
        String target;

        abstract int apply(QueueControl control);

        abstract String verb();

        @Override
        public Integer call() {
            int n = apply(new QueueControl(root.workspace()));
            spec.commandLine().getOut().println(target + ": " + n + " file(s) " + verb());
            spec.commandLine().getOut().flush();
            return ExitCodes.SUCCESS;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause a dataset's unfinished files; a running download stops at its next checkpoint.")
    static final class Pause extends Base {
        int apply(QueueControl c) {
            return c.pause(target);
        }

        String verb() {
            return "paused";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Let paused files run again.")
    static final class Resume extends Base {
        int apply(QueueControl c) {
            return c.resume(target);
        }

        String verb() {
            return "queued again";
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a dataset's unfinished files (finished files stay).")
    static final class Cancel extends Base {
        @Option(names = "--purge", description = "Also delete their partial data.")
        boolean purge;

        int apply(QueueControl c) {
            return c.cancel(target, purge);
        }

        String verb() {
            return purge ? "cancelled, partial data deleted" : "cancelled";
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Make failed, retrying or cancelled files runnable again now.")
    static final class Retry extends Base {
        int apply(QueueControl c) {
            return c.retry(target);
        }

        String verb() {
            return "queued again";
        }
    }
}
