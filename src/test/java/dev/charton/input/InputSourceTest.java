package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an input argument names: standard input, a path, a file URL or an http(s) URL. */
class InputSourceTest {
    @Test
    void anHttpUrlIsNeitherAPathNorStandardInput() {
        InputSource url = InputSource.of("https://raw.example.org/data/weather.csv");
        assertTrue(url.isUrl());
        assertFalse(url.isStdin());
        assertFalse(url.isRegularFile());
        assertEquals(Optional.empty(), url.path());
        assertEquals("https://raw.example.org/data/weather.csv", url.displayName());
        assertFalse(InputSource.isPath("https://raw.example.org/data/weather.csv"));
        assertTrue(InputSource.isPath("data/weather.csv"));
        assertFalse(InputSource.isPath("-"));
    }

    @Test
    void aFileUrlIsTheFileItNames() {
        InputSource file = InputSource.of("file:///tmp/weather.csv");
        assertFalse(file.isUrl());
        assertEquals(Optional.of(Path.of("/tmp/weather.csv")), file.path());
        assertFalse(InputSource.isPath("file:///tmp/weather.csv"));
    }

    @Test
    void theUserAndPasswordOfAUrlAreNotShown() {
        assertEquals("https://example.org/private.csv", InputSource.of("https://me:s3cret@example.org/private.csv").displayName());
    }

    @Test
    void otherSchemesAndUrlsWithoutAHostAreUsageErrors() {
        ChartonException ftp = assertThrows(ChartonException.class, () -> InputSource.of("s3://bucket/key.parquet"));
        assertEquals(ExitCode.USAGE, ftp.exitCode());
        assertTrue(ftp.getMessage().endsWith("curl -sL 's3://bucket/key.parquet' | charton plot - ..."), ftp.getMessage());
        ChartonException hostless = assertThrows(ChartonException.class, () -> InputSource.of("http:///data.csv"));
        assertEquals(ExitCode.USAGE, hostless.exitCode());
    }
}
