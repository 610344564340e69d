package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfetch.store.StoreException;
import org.medfetch.workflow.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Builds the command line with medfetch's error handling: a usage error is one line on stderr and
 * exit 2; a full disk under the state database, or a store that cannot be reached, one line and exit 3
 * (retryable); a store that refuses the credentials one line and exit 4; anything unexpected is one line
 * and exit 4; stack traces only with --debug.
 */
public final class Cli {

    private Cli() {
    }

    /** The command line with every subcommand (what help and tests look at). */
    public static CommandLine create(MedfetchCommand root, PrintWriter out, PrintWriter err) {
        return create(root, out, err, MedfetchCommand.SUBCOMMANDS);
    }

    /**
     * The command line with only the subcommands these arguments can reach: those named in them, or all
     * of them when none is (help and "did you mean" list them) unless the arguments only ask for the
     * version. picocli builds a command's model from its annotations by reflection; building all 21 took
     * 0.2 s of every start. An argument file ({@code @file}) may name anything, so it gets them all.
     */
    public static CommandLine forArguments(MedfetchCommand root, PrintWriter out, PrintWriter err, String... args) {
        return create(root, out, err, reachable(args));
    }

    static List<Class<?>> reachable(String... args) {
        Set<String> given = Set.copyOf(Arrays.asList(args));
        boolean argumentFile = given.stream().anyMatch(a -> a.startsWith("@"));
        List<Class<?>> named = new ArrayList<>();
        for (Class<?> command : MedfetchCommand.SUBCOMMANDS) {
            if (given.contains(command.getAnnotation(Command.class).name())) {
                named.add(command);
            }
        }
        // help and completion describe every command
        boolean describesAll = named.contains(CompletionCommand.class) || named.contains(HelpCommand.class);
        if (argumentFile || describesAll || named.isEmpty() && !given.contains("--version") && !given.contains("-V")) {
            return MedfetchCommand.SUBCOMMANDS;
        }
        return named;
    }

    private static CommandLine create(MedfetchCommand root, PrintWriter out, PrintWriter err,
                                      List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(root);
        subcommands.forEach(cli::addSubcommand);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(root.env())));
        cli.setExecutionStrategy(new ConfiguredRun(root));
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("medfetch: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                failed.getErr().println("medfetch: did you mean " + String.join(" or ", unmatched.getSuggestions().stream()
                        .limit(3).map(s -> "'" + s + "'").toList()) + "?");
            }
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            failed.getErr().flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            PrintWriter errors = failed.getErr();
            if (root.debug()) {
                ex.printStackTrace(errors);
            }
            int code;
            if (ex instanceof UsageException) {
                errors.println("medfetch: " + ex.getMessage());
                code = ExitCodes.USAGE;
            } else if (ex instanceof StoreException full && full.diskFull()) {
                // Nothing recorded is lost, and the same command works once there is space again.
                errors.println("medfetch: " + full.getMessage() + "; free space and try again");
                code = ExitCodes.RETRYABLE;
            } else if (ex instanceof StoreException store && store.kind() != StoreException.Kind.OTHER) {
                // out of reach: the same command works once it is back; refused: a person fixes the credentials
                errors.println("medfetch: " + store.getMessage());
                code = store.retryable() ? ExitCodes.RETRYABLE : ExitCodes.FATAL;
            } else {
                errors.println("medfetch: internal error: " + ex + (root.debug() ? "" : " (run with --debug for details)"));
                code = ExitCodes.FATAL;
            }
            errors.flush();
            return code;
        });
        return cli;
    }

    /**
     * Colour in help only where wanted: never with NO_COLOR set and not empty (https://no-color.org), always
     * with CLICOLOR_FORCE set and not 0, else when stdout is a terminal.
     */
    static CommandLine.Help.Ansi ansi(Map<String, String> env) {
        if (!env.getOrDefault("NO_COLOR", "").isEmpty()) {
            return CommandLine.Help.Ansi.OFF;
        }
        String force = env.getOrDefault("CLICOLOR_FORCE", "");
        return !force.isEmpty() && !force.equals("0") ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.AUTO;
    }
}
