package org.medfetch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medfetch.resolve.Endpoints;
import org.medfetch.workflow.Settings;
import org.medfetch.workflow.UsageException;
import org.medfetch.workflow.Workspace;
import picocli.CommandLine.Command;
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
            ControlCommands.Retry.class, VerifyCommand.class, CheckCommand.class, ManifestCommand.class,
            SyncCommand.class, AdoptCommand.class, ResolversCommand.class, ExtractCommand.class, CiteCommand.class,
            LicensesCommand.class, WorkersCommand.class, StoreCommand.class);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private final Function<Settings, Workspace> opener;
    private final Map<String, String> env;
    private final Path home;
    private Workspace workspace;

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
                "a command is missing; try 'medfetch catalog' or 'medfetch --help'");
    }

    /** Progress for run and get: null when silenced, bars in a terminal, plain lines otherwise. */
    ConsoleProgress progress(boolean silenced) {
        if (silenced) {
            return null;
        }
        return new ConsoleProgress(spec.commandLine().getErr(), System.console() != null ? System.err : null);
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

    /** The endpoints the user chose (already validated once the workspace is open). */
    Endpoints endpoints() {
        try {
            return Endpoints.of(global.endpoints, env);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The workspace of this invocation, opened on first use. */
    Workspace workspace() {
        if (workspace == null) {
            Path root = global.workspace.toAbsolutePath().normalize();
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new UsageException("workspace " + global.workspace + " is a file, not a folder");
            }
            workspace = opener.apply(new Settings(root, global.catalog, global.mirrors, global.noMirrors, env, home,
                    global.endpoints, global.store));
        }
        return workspace;
    }
}
