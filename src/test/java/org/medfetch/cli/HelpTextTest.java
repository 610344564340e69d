package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli formats help texts with String.format: a bare '%' makes it print a warning to the console
 * and the text unformatted. Every description of every command and option must format.
 */
class HelpTextTest {

    @Test
    void everyDescriptionIsAValidFormatString() {
        StringWriter sink = new StringWriter();
        CommandLine root = Cli.create(new MedfetchCommand(settings -> null, Map.of(), Path.of("no-home")),
                new PrintWriter(sink), new PrintWriter(sink));
        List<CommandSpec> commands = new ArrayList<>(List.of(root.getCommandSpec()));
        root.getSubcommands().values().forEach(c -> commands.add(c.getCommandSpec()));
        for (CommandSpec command : commands) {
            List<String> texts = new ArrayList<>(List.of(command.usageMessage().description()));
            for (OptionSpec option : command.options()) {
                texts.addAll(List.of(option.description()));
            }
            for (String text : texts) {
                assertDoesNotThrow(() -> String.format(text.replace("${DEFAULT-VALUE}", "x")),
                        command.name() + ": " + text);
            }
        }
    }
}
