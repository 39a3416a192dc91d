package dev.charton.shell;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Tab offers in the shell, from its real command model, through jline's own parser. */
class ShellCompleterTest {
    private static final List<String> COLUMNS = List.of("date", "temp_max", "temp_min", "precipitation");
    private static final List<String> RENDERERS = List.of("matplotlib", "seaborn", "house");

    private final ShellCompleter completer = new ShellCompleter(() -> COLUMNS, () -> RENDERERS);
    private Terminal terminal;
    private LineReader reader;

    @BeforeEach
    void setUp() throws IOException {
        terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        reader = LineReaderBuilder.builder().terminal(terminal).build();
        completer.commands(ShellCommands.model(null));
    }

    @AfterEach
    void tearDown() throws IOException {
        terminal.close();
    }

    /** The candidates jline would show: those that start with the word being typed. */
    private List<String> offered(String line) {
        List<Candidate> candidates = new ArrayList<>();
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        completer.complete(reader, parsed, candidates);
        return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word())).toList();
    }

    @Test
    void offersTheCommandsFirst() {
        assertEquals(List.of("load", "schema", "head", "plot", "renderer", "save", "py", "help", "quit"), offered(""));
    }

    @Test
    void offersColumnNamesForColumnOptions() {
        for (String option : List.of("--x", "-x", "--color", "--facet", "-y")) {
            assertEquals(COLUMNS, offered("plot " + option + " "), option);
        }
        assertEquals(COLUMNS.stream().map(c -> "--x=" + c).toList(), offered("plot --x="));
        assertEquals(List.of("date"), offered("plot --x da"));
    }

    @Test
    void aCommaSeparatedListCompletesItsLastItem() {
        assertEquals(List.of("temp_max,precipitation"), offered("plot --y temp_max,pre"));
        assertEquals(List.of("temp_max,temp_max", "temp_max,temp_min"), offered("plot -y temp_max,temp_m"));
    }

    @Test
    void aTypeOverrideOffersTheColumnThenLetsTheTypeBeTyped() {
        List<Candidate> candidates = new ArrayList<>();
        String line = "load data.csv --type ";
        completer.complete(reader, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        assertEquals("date=", candidates.get(0).value());
        assertTrue(candidates.stream().noneMatch(Candidate::complete), "no space after COLUMN=");
    }

    @Test
    void offersRendererNamesForTheOptionAndTheCommand() {
        assertEquals(RENDERERS, offered("plot -r "));
        assertEquals(RENDERERS, offered("renderer "));
        assertEquals(List.of("seaborn"), offered("plot --renderer se"));
    }

    @Test
    void offersTheOptionsOfTheCommand() {
        List<String> options = offered("plot --");
        assertTrue(options.containsAll(List.of("--x", "--y", "--title", "--output", "--renderer", "--script")), options::toString);
        assertTrue(!options.contains("--python") && !options.contains("--input-format"), options::toString);
        assertTrue(offered("load x.csv -").containsAll(List.of("--delimiter", "--type", "--encoding")));
    }

    @Test
    void offersFilesForFileArguments() {
        assertEquals(List.of("examples/weather.csv"), offered("load examples/weather.c"));
        assertEquals(List.of("examples/weather.csv"), offered("plot -o examples/weather.c"));
        assertEquals(List.of("examples/weather.csv"), offered("save examples/weather.c"));
    }

    @Test
    void offersNothingForFreeTextOrInsideABlockOfPython() {
        assertEquals(List.of(), offered("plot --title "));
        assertEquals(List.of(), offered("head "));
        completer.completeNothing(true);
        assertEquals(List.of(), offered("plot --x "));
        assertEquals(List.of(), offered(""));
    }
}
