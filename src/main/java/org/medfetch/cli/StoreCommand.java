package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.medfetch.store.Store;
import org.medfetch.store.StoreAddress;
import org.medfetch.workflow.Settings;
import org.medfetch.workflow.UsageException;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Where the queue is: 'store copy --to URL' moves it into another store.",
        subcommands = StoreCommand.Copy.class)
final class StoreCommand implements Runnable {

    @ParentCommand
    MedfetchCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Workspace workspace = root.existingWorkspace();
        if (!workspace.hasQueue()) {
            // naming the store never creates it
            spec.commandLine().getOut().println("no queue yet: the first 'medfetch add' records it in "
                    + ((StoreAddress.Sqlite) workspace.storeAddress()).file());
        } else {
            spec.commandLine().getOut().println(workspace.store().describe() + " (schema version "
                    + workspace.store().schemaVersion() + ")");
        }
        spec.commandLine().getOut().flush();
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy the whole queue (the workspace's own SQLite database, or the --store in use) into "
                    + "another store that holds no queue yet, e.g. a PostgreSQL database for many workers; then "
                    + "use --store URL (or MEDFETCH_STORE) everywhere. The source is left as it was.",
                "Run it while no worker runs: files running now are copied as interrupted, to be resumed."})
    static final class Copy implements Callable<Integer> {

        @ParentCommand
        StoreCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--to", paramLabel = "URL", required = true,
                description = "The store to copy into: postgresql://USER@HOST:PORT/DATABASE (or sqlite).")
        String to;

        @Override
        public Integer call() {
            Workspace workspace = parent.root.existingWorkspace();
            if (!workspace.hasQueue()) {
                throw new UsageException("there is no queue to copy in " + workspace.root() + " yet");
            }
            StoreAddress target = new Settings(workspace.root(), null, null, false, parent.root.env(),
                    parent.root.home(), java.util.Map.of(), to, false, null).storeAddress();
            if (target.equals(workspace.storeAddress())) {
                throw new UsageException("--to names the store in use: nothing to copy");
            }
            Store from = workspace.store();
            Store.Copied copied;
            try (Store into = Store.open(target, workspace.clock())) {
                copied = from.copyTo(into);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("copied " + copied.jobs() + " dataset(s) and " + copied.files() + " file(s) from "
                    + from.describe() + " into " + target + "; from now on run medfetch with --store " + target
                    + " (or MEDFETCH_STORE)");
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }
}
