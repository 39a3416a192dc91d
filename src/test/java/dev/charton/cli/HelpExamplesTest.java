package dev.charton.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every visible command's --help ends with examples of how to call it. */
class HelpExamplesTest {
    private static final int WIDTH = 79; // picocli wraps at 80 columns, without indenting the rest

    @Test
    void everyCommandHasExamples() {
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.commandLine(), commands);
        assertTrue(commands.size() >= 3, "charton, plot and help at least");
        for (CommandLine cli : commands) {
            String usage = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String name = cli.getCommandSpec().qualifiedName();
            int heading = usage.lastIndexOf("\nExamples:\n");
            assertTrue(heading >= 0, name + " --help has no examples:\n" + usage);
            List<String> examples = usage.substring(heading + "\nExamples:\n".length()).lines().toList();
            for (int i = 0; i < examples.size(); i++) {
                String line = examples.get(i);
                boolean continued = i > 0 && examples.get(i - 1).endsWith("\\") && line.startsWith("    ");
                assertTrue(line.startsWith("  ") && (line.contains("charton ") || continued),
                        name + " --help does not end with examples of charton commands:\n" + usage);
            }
            assertTrue(!examples.isEmpty(), name + " --help has no examples");
            for (String example : cli.getCommandSpec().usageMessage().footer()) {
                assertTrue(example.length() <= WIDTH, name + ": example wider than " + WIDTH + " columns: " + example);
            }
        }
    }

    private static void collect(CommandLine cli, List<CommandLine> into) {
        if (!cli.getCommandSpec().usageMessage().hidden()) {
            into.add(cli);
        }
        cli.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
