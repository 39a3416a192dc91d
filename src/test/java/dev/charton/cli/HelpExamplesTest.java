package dev.charton.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every visible command's --help ends with examples of how to call it. */
class HelpExamplesTest {

    @Test
    void everyCommandHasExamples() {
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(), commands);
        assertTrue(commands.size() >= 3, "charton, plot and help at least");
        for (CommandLine cli : commands) {
            String usage = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String name = cli.getCommandSpec().qualifiedName();
            assertTrue(usage.matches("(?s).*\\nExamples:\\n(  charton .*\\n)+"),
                    name + " --help has no examples at its end:\n" + usage);
        }
    }

    private static void collect(CommandLine cli, List<CommandLine> into) {
        if (!cli.getCommandSpec().usageMessage().hidden()) {
            into.add(cli);
        }
        cli.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
