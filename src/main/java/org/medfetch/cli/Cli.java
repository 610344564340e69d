package org.medfetch.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.medfetch.store.StoreException;
import org.medfetch.workflow.UsageException;
import picocli.CommandLine;

/**
 * Builds the command line with medfetch's error handling: a usage error is one line on stderr and
 * exit 2; a full disk under the state database one line and exit 3 (retryable); anything unexpected is
 * one line and exit 4; stack traces only with --debug.
 */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(MedfetchCommand root, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(root);
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
