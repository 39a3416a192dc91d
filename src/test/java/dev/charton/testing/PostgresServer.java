package dev.charton.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, one per test JVM: Debian's postgresql package (.ci/run
 * installs it), a private data directory on a free loopback port, password logins only, stopped and
 * deleted when the JVM ends. As root the server runs as the {@code postgres} user, as PostgreSQL
 * requires. Under CI a missing PostgreSQL fails the test; elsewhere the test is skipped, saying why.
 */
public final class PostgresServer {
    public static final String USER = "charton";
    public static final String PASSWORD = "tables-and-figures";
    public static final String DATABASE = "charton_test";

    private static PostgresServer shared;

    private final Path dataDirectory;
    private final Path bin;
    private final int port;

    private PostgresServer(Path bin, Path dataDirectory, int port) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** The server of this test JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            Path bin = binaries();
            try {
                shared = start(bin);
            } catch (IOException | InterruptedException | SQLException e) {
                throw new AssertionError("cannot start PostgreSQL from " + bin + ": " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    /** The JDBC URL of the test database, without credentials. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** A connection as the test user, for setting up tables and looking at pg_stat_activity. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), login());
    }

    private static Properties login() {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", PASSWORD);
        return login;
    }

    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("setting up PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static Path binaries() {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin")).sorted(Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException none) {
            // Not installed from Debian's packages.
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("pg_ctl")) && Files.isExecutable(candidate.resolve("initdb"))) {
                return candidate;
            }
        }
        String message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl; apt-get install postgresql-15)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + "; under CI it is required (.ci/run installs it)");
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException, SQLException {
        Path dataDirectory = Files.createTempDirectory("charton-postgres");
        Path passwordFile = dataDirectory.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Path cluster = dataDirectory.resolve("cluster");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dataDirectory.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C"), root);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-l",
                dataDirectory.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dataDirectory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root);
        PostgresServer server = new PostgresServer(bin, dataDirectory, port);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", login());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        return server;
    }

    private void stop() {
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.resolve("cluster").toString(),
                    "-m", "immediate", "stop"), root);
        } catch (IOException | InterruptedException | AssertionError e) {
            // The JVM is ending; the directory is removed below either way.
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory: the system cleans it eventually.
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }
}
