import io.trino.Session;
import io.trino.plugin.memory.MemoryPlugin;
import io.trino.plugin.tpch.TpchPlugin;
import io.trino.testing.DistributedQueryRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static io.trino.testing.TestingSession.testSessionBuilder;

/**
 * A Trino coordinator and workers in this JVM, for charton's tests (src/test/java/dev/charton/testing/TrinoServer.java
 * starts it with Java's source launcher). Catalogs: {@code memory} (schema {@code default}: tables the
 * tests create and fill) and {@code tpch} (generated tables of any size). Arguments: the number of
 * workers besides the coordinator, and a file to write the coordinator's HTTP port to once the server
 * takes queries. Ends when its standard input closes: when the test JVM that started it ends, however
 * it ends.
 */
public final class TrinoTestServer {
    public static void main(String[] args) throws Exception {
        int workers = Integer.parseInt(args[0]);
        Path portFile = Path.of(args[1]);
        Session session = testSessionBuilder().setCatalog("memory").setSchema("default").build();
        DistributedQueryRunner runner = DistributedQueryRunner.builder(session).setWorkerCount(workers).build();
        runner.installPlugin(new MemoryPlugin());
        runner.createCatalog("memory", "memory", Map.of());
        runner.installPlugin(new TpchPlugin());
        runner.createCatalog("tpch", "tpch", Map.of());
        runner.execute("CREATE SCHEMA IF NOT EXISTS memory.default");
        Path partial = Path.of(portFile + ".partial");
        Files.writeString(partial, runner.getCoordinator().getAddress().getPort() + "\n");
        Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
        while (System.in.read() >= 0) {
            // Waits for the test JVM to go.
        }
        Files.deleteIfExists(portFile);
        runner.close();
        System.exit(0);
    }
}
