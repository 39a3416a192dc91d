package dev.charton.input.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charton schema} end to end on files whose dialect, header, encoding or types are sniffed. */
class CsvSniffingIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode schema(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Charton.Result r = Charton.run("schema", file.toString(), "--json").go();
        assertEquals(0, r.exitCode(), r.stderr());
        return JSON.readTree(r.stdoutText());
    }

    private JsonNode schema(String name, String content) throws IOException {
        return schema(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aEuropeanFileIsSemicolonsAndDecimalCommas() throws IOException {
        JsonNode s = schema("eu.csv", "x;y\n1;2,5\n3;4,25\n");
        assertTrue(s.get("detected").asText().startsWith("delimiter ';'"), s.toString());
        assertEquals("float64", s.get("columns").get(1).get("type").asText());
        assertTrue(s.get("columns").get(1).get("inferred_because").asText().contains("decimal comma"), s.toString());
    }

    @Test
    void aPipeFileWithThousandsSeparators() throws IOException {
        JsonNode s = schema("pipe.csv", "text|number\nfoo|123,000\nbar|4,500\n");
        assertEquals("number", s.get("columns").get(1).get("name").asText());
        assertEquals("int64", s.get("columns").get(1).get("type").asText());
    }

    @Test
    void aUtf16FileMadeByIconvIsReadAsText() throws IOException, InterruptedException {
        Path file = dir.resolve("u.csv");
        Process iconv = new ProcessBuilder("iconv", "-f", "UTF-8", "-t", "UTF-16").redirectOutput(file.toFile()).start();
        iconv.getOutputStream().write("name,age\nJosé,30\n".getBytes(StandardCharsets.UTF_8));
        iconv.getOutputStream().close();
        assertEquals(0, iconv.waitFor(), "iconv");
        for (String[] extra : new String[][] {{}, {"--encoding", "UTF-16"}}) {
            String[] args = new String[3 + extra.length];
            args[0] = "schema";
            args[1] = file.toString();
            args[2] = "--json";
            System.arraycopy(extra, 0, args, 3, extra.length);
            Charton.Result r = Charton.run(args).go();
            assertEquals(0, r.exitCode(), r.stderr());
            JsonNode s = JSON.readTree(r.stdoutText());
            assertEquals("name", s.get("columns").get(0).get("name").asText());
            assertEquals("int64", s.get("columns").get(1).get("type").asText());
            assertEquals(1, s.get("rows").asInt());
        }
    }

    @Test
    void aHeaderlessFileKeepsItsFirstRow() throws IOException {
        JsonNode s = schema("web_page.csv", "1|AAAAAAAABAAAAAAA|1997-09-03|2450810\n2|AAAAAAAACAAAAAAA|1997-09-03|2450814\n");
        assertEquals(2, s.get("rows").asInt());
        assertEquals("column_1", s.get("columns").get(0).get("name").asText());
        assertEquals("date32[day]", s.get("columns").get(2).get("type").asText());
        assertTrue(s.get("detected").asText().contains("no header"), s.toString());
    }

    @Test
    void theTextReportSaysWhatWasDetected() throws IOException {
        Path file = dir.resolve("notes.csv");
        Files.writeString(file, "Exported by logger\nwhen,temp\n3/14/2024 9:26 PM,\"1,234.5\"\n3/15/2024 9:26 AM,12\n");
        Charton.Result r = Charton.run("schema", file.toString()).go();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdoutText().contains("detected: delimiter ','"), r.stdoutText());
        assertTrue(r.stdoutText().contains("skipped 1 line of text before the table"), r.stdoutText());
        assertTrue(r.stdoutText().contains("layout M/d/yyyy h:mm a"), r.stdoutText());
        assertTrue(r.stdoutText().contains("thousands separator ','"), r.stdoutText());
    }

    @Test
    void badFormatOptionsAreUsageErrors() throws IOException {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "a\n1\n");
        Charton.Result r = Charton.run("schema", file.toString(), "--timestamp-format", "HH:mm").go();
        assertEquals(64, r.exitCode());
        assertTrue(r.stderr().contains("--timestamp-format: format 'HH:mm' needs a year"), r.stderr());
    }
}
