package dev.charton.input;

import dev.charton.testing.Corpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The format is told by the leading bytes, whatever the file is called. */
class InputFormatTest {
    @ParameterizedTest
    @CsvSource({
            "parquet/data/alltypes_plain.parquet, PARQUET",
            "parquet/data/uniform_encryption.parquet.encrypted, PARQUET",
            "arrow/integration/cpp-21.0.0/generated_primitive.arrow_file, ARROW_FILE",
            "arrow/integration/cpp-21.0.0/generated_primitive.stream, ARROW_STREAM",
            "arrow/integration/0.14.1/generated_primitive.stream, ARROW_STREAM",
            "arrow/integration/0.14.1/generated_decimal.stream, ARROW_STREAM",
            "arrow/integration/0.14.1/generated_primitive.arrow_file, ARROW_FILE"})
    void corpusFilesAreRecognisedByTheirBytes(String file, InputFormat expected) throws IOException {
        Path path = Corpora.root().resolve(file);
        Corpora.require(Corpora.root().relativize(path.getParent()).toString());
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            assertEquals(expected, InputFormat.sniff(in));
            assertEquals(Files.size(path), in.readAllBytes().length, "sniffing must not consume the input");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a,b\n1,2\n", "x\n", "\uFEFFcol\n1\n", "''", "12345678,9\n"})
    void textIsCsv(String text) throws IOException {
        assertEquals(InputFormat.CSV, sniff(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLegacyStreamNeedsASmallLengthFollowedByAnOffsetInsideIt() throws IOException {
        assertEquals(InputFormat.ARROW_STREAM, sniff(new byte[] {(byte) 0x94, 0, 0, 0, 0x10, 0, 0, 0, 0, 0}));
        assertEquals(InputFormat.CSV, sniff(new byte[] {(byte) 0x94, 0, 0, 0, (byte) 0x95, 0, 0, 0}));
        assertEquals(InputFormat.CSV, sniff(new byte[] {0, 0, 0, 0, 0x10, 0, 0, 0}));
    }

    @ParameterizedTest
    @CsvSource({"PA, PARQUET", "PAR, PARQUET", "AR, ARROW_FILE", "ARROW, ARROW_FILE"})
    void aWholeInputThatIsTheStartOfASignatureIsACutCopy(String head, InputFormat expected) throws IOException {
        assertEquals(expected, cutSignature(head.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void onlyShortInputsCanBeCutSignatures() throws IOException {
        assertEquals(InputFormat.ARROW_STREAM, cutSignature(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        assertEquals(null, cutSignature("P".getBytes(StandardCharsets.US_ASCII)), "one letter is a one-letter CSV");
        assertEquals(null, cutSignature("PAR\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(null, cutSignature("ARROWS\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theOptionNamesMapToFormats() {
        assertEquals(InputFormat.CSV, InputFormat.fromOption("CSV"));
        assertEquals(InputFormat.PARQUET, InputFormat.fromOption("parquet"));
        assertEquals(InputFormat.ARROW_STREAM, InputFormat.fromOption("arrow"));
    }

    private static InputFormat cutSignature(byte[] bytes) throws IOException {
        return InputFormat.cutSignature(new BufferedInputStream(new ByteArrayInputStream(bytes)));
    }

    private static InputFormat sniff(byte[] bytes) throws IOException {
        return InputFormat.sniff(new BufferedInputStream(new ByteArrayInputStream(bytes)));
    }
}
