package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A start builds the model of the subcommands its arguments name and no other (building all of them
 * cost 0.2 s of every start): what is built is what is counted here, never how long it took.
 */
class SubcommandsTest {

    private static List<Class<?>> reachable(String... args) {
        return Cli.reachable(args);
    }

    @Test
    void aCommandBuildsOnlyItsOwnModel() {
        assertEquals(List.of(StatusCommand.class), reachable("--workspace", "w", "status", "--json"));
        assertEquals(List.of(), reachable("--version"));
        // A word that is an option's value may name a command too: both are built, so either parse works.
        assertEquals(List.of(ShowCommand.class, StatusCommand.class), reachable("--catalog", "show", "status"));
    }

    @Test
    void helpMistakesAndArgumentFilesSeeEveryCommand() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"stauts"},
                new String[] {"@more-arguments.txt", "status"})) {
            assertEquals(MedfetchCommand.SUBCOMMANDS, reachable(args), String.join(" ", args));
        }
    }

    @Test
    void everyCommandIsReachableByItsName() {
        for (Class<?> command : MedfetchCommand.SUBCOMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            StringWriter sink = new StringWriter();
            CommandLine cli = Cli.forArguments(new MedfetchCommand(settings -> null, Map.of(), Path.of("no-home")),
                    new PrintWriter(sink), new PrintWriter(sink), name, "--help");
            // help and completion describe every command, so they get every model
            List<String> expected = name.equals("help") || name.equals("completion")
                    ? MedfetchCommand.SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList()
                    : List.of(name);
            assertEquals(expected, List.copyOf(cli.getSubcommands().keySet()));
            assertEquals(0, cli.execute(name, "--help"), name);
            assertTrue(sink.toString().contains("Usage: medfetch " + name), sink.toString());
        }
    }

    @Test
    void theFullHelpListsEveryCommand() {
        CliRun help = CliRun.run("--help");
        for (Class<?> command : MedfetchCommand.SUBCOMMANDS) {
            assertTrue(help.out().contains("  " + command.getAnnotation(Command.class).name() + " "), help.out());
        }
    }
}
