package dev.charton.cli.docs;

import dev.charton.options.BuiltinRenderers;
import dev.charton.testing.Repo;
import dev.charton.testing.Tools;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed completion scripts, run by the real shells: what does TAB offer? */
class ShellCompletionTest {
    private static final Path SCRIPTS = Path.of("src/test/resources/completion");

    /** The visible subcommands, in declaration order, straight from the command model. */
    private static List<String> subcommands() {
        return dev.charton.cli.Main.commandLine().getSubcommands().values().stream()
                .filter(c -> !c.getCommandSpec().usageMessage().hidden())
                .map(CommandLine::getCommandName).toList();
    }

    @Test
    void bashOffersSubcommandsAfterTheCommand() {
        List<String> offered = bash("charton", "");
        assertEquals(subcommands(), offered);
        assertTrue(offered.containsAll(List.of("plot", "help")), offered::toString);
    }

    @Test
    void bashOffersMatchingOptionsOfTheSubcommand() {
        assertEquals(List.of("--title", "--timestamp-format", "--timeout"), bash("charton", "plot", "--ti"));
    }

    @Test
    void bashOffersRendererNames() {
        assertEquals(BuiltinRenderers.NAMES, bash("charton", "plot", "data.csv", "--renderer", ""));
        assertEquals(List.of("seaborn"), bash("charton", "plot", "-r", "se"));
    }

    @Test
    void bashOffersFilesForTheInputAndTheOutput() {
        assertEquals(List.of("examples/weather.csv"), bash("charton", "plot", "examples/weather.c"));
        assertEquals(List.of("examples/weather.csv"), bash("charton", "plot", "x.csv", "-o", "examples/weather.c"));
    }

    @Test
    void bashOffersNothingForFreeTextValues() {
        assertEquals(List.of(), bash("charton", "plot", "--title", "exam"));
    }

    @Test
    void zshOffersSubcommandsOptionsRenderersAndFiles() {
        assertTrue(zsh("charton ").matches("(?s).*help\\s+-- Display help.*plot\\s+-- Render a figure.*"), "subcommands");
        assertTrue(zsh("charton plot --ti").matches("(?s).*--timeout\\s+-- Stop Python.*--title\\s+-- Figure title.*"),
                "options");
        assertTrue(zsh("charton plot --rend").contains("charton plot --renderer"), "unique option completed");
        assertTrue(zsh("charton plot --renderer ").matches("(?s).*altair\\s+matplotlib\\s+plotly\\s+seaborn.*"),
                "renderers");
        assertTrue(zsh("charton plot examples/weather.c").contains("charton plot examples/weather.csv"), "input file");
        assertTrue(zsh("charton plot exam").contains("charton plot examples/"), "directory");
        assertTrue(zsh("charton plot x.csv -o examples/weather.c").contains("-o examples/weather.csv"), "output file");
        assertTrue(zsh("charton help p").contains("charton help plot"), "help topics");
    }

    @Test
    void fishOffersSubcommandsOptionsRenderersAndFiles() {
        assertEquals(subcommands().stream().sorted().toList(), fish("charton "));
        assertEquals(List.of("--timeout", "--timestamp-format", "--title"), fish("charton plot --ti"));
        assertEquals(BuiltinRenderers.NAMES.stream().sorted().toList(), fish("charton plot --renderer "));
        assertEquals(List.of("examples/weather.csv"), fish("charton plot examples/weather.c"));
        assertEquals(List.of("examples/weather.csv"), fish("charton plot x.csv -o examples/weather.c"));
        assertEquals(subcommands().stream().filter(c -> !c.equals("help")).sorted().toList(), fish("charton help "));
    }

    private static List<String> bash(String... words) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve("bash-complete.sh").toString(),
                "completions/charton.bash"));
        command.addAll(Arrays.asList(words));
        return lines(Tools.run(command, Map.of()).stdout());
    }

    /** What the terminal showed after typing {@code line} and TAB. */
    private static String zsh(String line) {
        Tools.Output out = Tools.run(List.of("zsh", "-f", SCRIPTS.resolve("zsh-complete.zsh").toString(),
                Repo.root().resolve("completions").toString(), line), Map.of());
        assertEquals(0, out.exitCode(), out.stderr());
        return out.stdout();
    }

    private static List<String> fish(String line) {
        Tools.Output out = Tools.run(List.of("fish", "--no-config", "-c", "source $argv[1]; complete -C $argv[2]",
                "completions/charton.fish", line), Map.of());
        assertEquals(0, out.exitCode(), out.stderr());
        return lines(out.stdout()).stream().map(l -> l.split("\t")[0]).toList();
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isEmpty()).toList();
    }
}
