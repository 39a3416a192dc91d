package dev.charton.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Main picks the one command to build by the names in ChartonCommand.SUBCOMMANDS: they must be picocli's. */
class SubcommandNamesTest {
    @Test
    void everyNamedSubcommandIsTheCommandOfThatName() {
        List<String> named = new ArrayList<>();
        List<String> picocli = new ArrayList<>();
        for (ChartonCommand.Subcommand subcommand : ChartonCommand.SUBCOMMANDS) {
            String name = new CommandLine(subcommand.type()).getCommandName();
            if (subcommand.name() != null) {
                named.add(subcommand.name());
                picocli.add(name);
            } else {
                assertEquals("help", name, "only help needs every command");
            }
        }
        assertEquals(picocli, named);
        assertEquals(9, named.size());
    }

    @Test
    void theWholeTreeHasEveryCommandInHelpsOrder() {
        assertEquals(List.of("plot", "batch", "shell", "schema", "convert", "templates", "doctor", "daemon", "help",
                "startup-training"), List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }
}
