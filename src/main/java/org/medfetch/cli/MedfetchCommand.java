package org.medfetch.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medfetch.resolve.Endpoints;
import org.medfetch.store.StoreAddress;
import org.medfetch.workflow.Settings;
import org.medfetch.workflow.UsageException;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: holds the global options and opens the workspace for the subcommands. */
@Command(name = "medfetch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Download manager for open medical-imaging datasets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success", "1:problems reported (lint findings, verify mismatches)",
            "2:usage error (bad option, unknown dataset, unreadable catalog or manifest)",
            "3:retryable failures left", "4:fatal failures", "5:manual steps pending"})
public final class MedfetchCommand implements Runnable, AutoCloseable {

    /**
     * The subcommands, in the order help lists them. Not in the annotation: picocli would build the model
     * of every one of them on each start (about 0.2 s), where a command needs only its own (see
     * {@link Cli#forArguments}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(CatalogCommand.class, ShowCommand.class, ResolveCommand.class,
            LintCommand.class, AddCommand.class, RunCommand.class, GetCommand.class, StatusCommand.class,
            ControlCommands.Pause.class, ControlCommands.Resume.class, ControlCommands.Cancel.class,
            ControlCommands.Retry.class, RemoveCommand.class, VerifyCommand.class, CheckCommand.class, ManifestCommand.class,
            SyncCommand.class, AdoptCommand.class, ResolversCommand.class, ExtractCommand.class, CiteCommand.class,
            LicensesCommand.class, WorkersCommand.class, StoreCommand.class, CompletionCommand.class,
            HelpCommand.class);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private final Function<Settings, Workspace> opener;
    private final Map<String, String> env;
    private final Path home;
    private Workspace workspace;
    private Terminal terminal;

    /**
     * @param opener builds a workspace from the parsed settings (the composition root's wiring)
     */
    public MedfetchCommand(Function<Settings, Workspace> opener, Map<String, String> env, Path home) {
        this.opener = opener;
        this.env = env;
        this.home = home;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is missing; try 'medfetch catalog', 'medfetch help' or 'medfetch --help'");
    }

    /** The terminal this invocation writes to, looked at once. */
    Terminal terminal() {
        if (terminal == null) {
            terminal = Terminal.detect(env);
        }
        return terminal;
    }

    /**
     * Progress for run, get and sync: bars when stderr is a terminal (whatever stdout is), plain lines
     * otherwise, only waits with --no-progress, nothing with -q.
     */
    ConsoleProgress progress(boolean noProgress) {
        ConsoleProgress.Mode mode = global.quiet ? ConsoleProgress.Mode.QUIET : noProgress ? ConsoleProgress.Mode.SILENT
                : terminal().stderrIsTerminal() ? ConsoleProgress.Mode.BARS : ConsoleProgress.Mode.LINES;
        return new ConsoleProgress(spec.commandLine().getErr(), mode, global.verbose, terminal().width());
    }

    /** Where notes and summaries go: {@code writer}, or nowhere with -q. */
    PrintWriter informational(PrintWriter writer) {
        return global.quiet ? new PrintWriter(Writer.nullWriter()) : writer;
    }

    /** Prints a note (what a command did), unless -q. */
    void say(PrintWriter writer, String line) {
        if (!global.quiet) {
            writer.println(line);
        }
    }

    /** Closes the workspace (its database) if a command opened it. */
    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    Map<String, String> env() {
        return env;
    }

    Path home() {
        return home;
    }

    boolean debug() {
        return global.debug;
    }

    boolean verbose() {
        return global.verbose;
    }

    /** The endpoints the user chose (already validated once the workspace is open). */
    Endpoints endpoints() {
        try {
            return Endpoints.of(global.endpoints, env);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The workspace folder of this invocation, absolute. */
    Path folder() {
        return global.workspace.toAbsolutePath().normalize();
    }

    /**
     * The workspace of this invocation, opened on first use, for commands that write to it (add, get, sync,
     * adopt) or need no folder at all (catalog, show): one that writes creates a missing folder.
     */
    Workspace workspace() {
        return open(null);
    }

    /**
     * The workspace for show and add --dry-run: every HTTP call (an API, a HEAD for a size) is limited to
     * {@code limit}, so an unreachable host costs seconds, and sizes are "unknown" instead.
     */
    Workspace sizingWorkspace(Duration limit) {
        return open(limit);
    }

    /**
     * The workspace for commands that only read or change what is queued (status, run, verify, pause,
     * remove, ...): a folder that does not exist is a usage error naming it, never created.
     */
    Workspace existingWorkspace() {
        Path root = folder();
        // a queue in PostgreSQL exists before the workspace folder does (it appears with the first download)
        if (!Files.isDirectory(root) && open(null).storeAddress() instanceof StoreAddress.Sqlite) {
            throw new UsageException("workspace " + root + " does not exist"
                    + (Files.exists(root) ? " as a folder" : "") + "; give the folder that holds downloads/ with "
                    + "--workspace (or MEDFETCH_WORKSPACE), or queue something there first: medfetch add DATASET");
        }
        return open(null);
    }

    private Workspace open(Duration callLimit) {
        if (workspace == null) {
            Path root = folder();
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new UsageException("workspace " + global.workspace + " is a file, not a folder");
            }
            workspace = opener.apply(new Settings(root, global.catalog, global.mirrors, global.noMirrors, env, home,
                    global.endpoints, global.store, global.verbose, callLimit));
        }
        return workspace;
    }
}
