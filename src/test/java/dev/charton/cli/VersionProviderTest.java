package dev.charton.cli;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionProviderTest {

    @Test
    void namesTheVersionAndCommit() {
        assertEquals("charton 1.2.3 (commit 0123456789)", VersionProvider.describe(build("1.2.3", "0123456789")));
    }

    @Test
    void saysUnknownWhenTheBuildHadNoGitCheckout() {
        assertEquals("charton 1.2.3 (commit unknown)", VersionProvider.describe(build("1.2.3", "unknown")));
        assertEquals("charton 1.2.3 (commit unknown)", VersionProvider.describe(build("1.2.3", "${git.commit.id.abbrev}")));
        assertEquals("charton unknown (commit unknown)", VersionProvider.describe(new Properties()));
    }

    @Test
    void theBuildRecordedItsVersion() {
        // target/classes/.../version.properties, filtered by Maven from the pom's version.
        String release = VersionProvider.releaseNumber();
        assertTrue(release.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), release);
    }

    private static Properties build(String version, String commit) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        return p;
    }
}
