package dev.charton.testing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Trino for the tests, one per test JVM: Trino's DistributedQueryRunner (a coordinator and a
 * worker, testing/trino-server) in a JVM of its own on Java 25, which Trino 483 needs while charton
 * and its tests run on 17. That JDK is {@code TRINO_JAVA_HOME}, by default Temurin's under
 * /usr/lib/jvm. Maven resolves the server's class path (testing/trino-server/pom.xml) on first use;
 * Java's source launcher compiles its one class. The server ends with this JVM however it ends: it
 * reads its standard input, which closes then. Catalogs: {@code memory} (tables the tests create
 * and fill, schema {@code default}, the URL's default) and {@code tpch} (generated, any size).
 * Under CI a missing JDK fails the test; elsewhere the test is skipped, saying why.
 */
public final class TrinoServer {
    public static final String USER = "charton";
    private static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
    private static final int WORKERS = 1;
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final int ROWS_PER_INSERT = 500;

    private static TrinoServer shared;
    private static AssertionError failure;

    private final Process process;
    private final OutputStream lifeline;
    private final int port;

    private TrinoServer(Process process, int port) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.port = port;
    }

    /** The server of this test JVM, started on first use (a minute or so). */
    public static synchronized TrinoServer shared() {
        if (failure != null) {
            throw failure; // once per test JVM: a server that did not start will not start for the next class either
        }
        if (shared == null) {
            Path java = java();
            Path directory = Repo.root().resolve("target").resolve("trino-server");
            try {
                Files.createDirectories(directory);
                long began = System.nanoTime();
                String classPath = classPath(directory);
                long resolved = System.nanoTime();
                shared = start(java, classPath, directory);
                // For CI's time budget (README, "Development"): what the server costs a test run.
                System.err.printf("TrinoServer: class path from Maven in %.1f s, server started in %.1f s%n",
                        (resolved - began) / 1e9, (System.nanoTime() - resolved) / 1e9);
            } catch (IOException | InterruptedException | AssertionError e) {
                failure = e instanceof AssertionError assertion ? assertion
                        : new AssertionError("cannot start Trino: " + e.getMessage(), e);
                throw failure;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "trino-stop"));
        }
        return shared;
    }

    /** The JDBC URL of the {@code memory.default} schema, without a user: charton then sends the OS user's name. */
    public String url() {
        return "jdbc:trino://127.0.0.1:" + port + "/memory/default";
    }

    public int port() {
        return port;
    }

    /** A connection as {@value #USER}, for setting up tables and looking at {@code system.runtime.queries}. */
    public Connection connect() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", USER);
        return DriverManager.getConnection(url(), login);
    }

    public void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("setting up Trino: " + e.getMessage(), e);
        }
    }

    /**
     * Creates {@code memory.default.TABLE} (replacing one of that name) with the CSV's header as its
     * column names and {@code types} (Trino's) in that order, and inserts the CSV's rows, an empty
     * field as NULL.
     */
    public void loadCsv(String table, Path csv, String... types) {
        List<String> names;
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            names = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new AssertionError("reading " + csv + ": " + e.getMessage(), e);
        }
        if (names.size() != types.length) {
            throw new IllegalArgumentException(csv + " has " + names.size() + " columns, " + types.length + " types given");
        }
        List<String> columns = new ArrayList<>();
        List<String> casts = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            columns.add(quote(names.get(i)) + " " + types[i]);
            casts.add("CAST(" + quote("c" + i) + " AS " + types[i] + ")");
        }
        List<String> statements = new ArrayList<>(List.of("DROP TABLE IF EXISTS " + quote(table),
                "CREATE TABLE " + quote(table) + " (" + String.join(", ", columns) + ")"));
        String aliases = java.util.stream.IntStream.range(0, types.length).mapToObj(i -> quote("c" + i))
                .collect(Collectors.joining(", "));
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            String values = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)).stream()
                    .map(row -> row.stream().map(TrinoServer::literal).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", "));
            statements.add("INSERT INTO " + quote(table) + " SELECT " + String.join(", ", casts)
                    + " FROM (VALUES " + values + ") AS v(" + aliases + ")");
        }
        execute(statements.toArray(String[]::new));
    }

    private static String literal(String field) {
        return field.isEmpty() ? "CAST(NULL AS varchar)" : "'" + field.replace("'", "''") + "'";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Path java() {
        String configured = System.getenv("TRINO_JAVA_HOME");
        Path home = Path.of(configured == null || configured.isBlank() ? DEFAULT_JAVA_HOME : configured);
        Path java = home.resolve("bin").resolve("java");
        String problem = null;
        if (!Files.isExecutable(java)) {
            problem = "no Java 25 for Trino at " + home + " (set TRINO_JAVA_HOME to a JDK 25 or later)";
        } else if (featureRelease(home) < 25) {
            problem = "Trino 483 needs Java 25 or later; TRINO_JAVA_HOME " + home + " is Java " + featureRelease(home);
        }
        if (problem == null) {
            return java;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(problem + "; under CI it is required (.ci/run checks for it)");
        }
        Assumptions.abort(problem);
        throw new IllegalStateException("unreachable");
    }

    /** The JDK's feature release from its {@code release} file (JAVA_VERSION="25.0.3"), or 0. */
    private static int featureRelease(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            // Treated as too old.
        }
        return 0;
    }

    /**
     * The server's class path for the Trino release of charton's pom.xml, from Maven
     * (testing/trino-server/pom.xml), kept in {@code directory} until that pom changes. Maven runs as this build's does: the same installation and local
     * repository (system properties from pom.xml), else {@code mvn} from the PATH. Once the jars are in
     * that repository it needs no network: every version is fixed.
     */
    private static String classPath(Path directory) throws IOException, InterruptedException {
        Path pom = Repo.root().resolve("testing").resolve("trino-server").resolve("pom.xml");
        String version = System.getProperty("charton.trino.version", "");
        if (version.isBlank()) {
            throw new AssertionError("no charton.trino.version: run the tests through Maven (pom.xml sets it)");
        }
        Path file = directory.resolve("classpath-" + version + ".txt");
        if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) > 0) {
            return Files.readString(file).strip();
        }
        String mavenHome = System.getProperty("charton.maven.home", "");
        List<String> command = new ArrayList<>(List.of(mavenHome.isBlank() ? "mvn"
                : Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-q", "-f", pom.toString()));
        String repository = System.getProperty("charton.maven.repository", "");
        if (!repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Path partial = directory.resolve(file.getFileName() + ".partial");
        command.addAll(List.of("-Dtrino.version=" + version, "dependency:build-classpath", "-Dmdep.outputFile=" + partial));
        Path log = directory.resolve("maven.log");
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        maven.getOutputStream().close();
        if (!maven.waitFor(20, TimeUnit.MINUTES) || maven.exitValue() != 0) {
            maven.destroyForcibly();
            throw new AssertionError("Maven could not resolve Trino's class path (" + String.join(" ", command) + "): "
                    + tail(log));
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Files.readString(file).strip();
    }

    private static TrinoServer start(Path java, String classPath, Path directory) throws IOException, InterruptedException {
        Path portFile = directory.resolve("port-" + ProcessHandle.current().pid());
        Files.deleteIfExists(portFile);
        Path log = directory.resolve("server-" + ProcessHandle.current().pid() + ".log");
        Path source = Repo.root().resolve("testing").resolve("trino-server").resolve("TrinoTestServer.java");
        // The class path goes through the environment: a command line of 350 jars is long to read in ps.
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx2g", "-XX:+UseG1GC",
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                source.toString(), String.valueOf(WORKERS), portFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CLASSPATH", classPath);
        Process process = builder.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.isRegularFile(portFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("Trino did not start within " + START_LIMIT.toMinutes() + " minutes"
                        + (process.isAlive() ? "" : " (exit " + process.waitFor() + ")") + "; its log " + log + " ends: "
                        + tail(log));
            }
            Thread.sleep(200);
        }
        return new TrinoServer(process, Integer.parseInt(Files.readString(portFile).strip()));
    }

    private void stop() {
        try {
            lifeline.close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
