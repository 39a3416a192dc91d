package dev.charton.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and git commit recorded at build time (version.properties, filtered by Maven). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {describe(buildInfo()),
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name")};
    }

    /** The first line of {@code --version}: {@code charton 1.2.3 (commit abc1234567)}. */
    static String describe(Properties build) {
        return "charton " + versionNumber(build) + " (commit " + known(build.getProperty("commit")) + ")";
    }

    /** The release number alone, as the man pages show it. */
    public static String releaseNumber() {
        return versionNumber(buildInfo());
    }

    static String versionNumber(Properties build) {
        return known(build.getProperty("version"));
    }

    static Properties buildInfo() {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
        return build;
    }

    /** Missing, empty, or left unfiltered ("${...}") when the build could not tell. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.trim();
    }
}
