package dev.charton.input.sql;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Connects to an engine: through a driver charton carries (DuckDB, PostgreSQL, Trino) or one in the jar
 * given with {@code --driver-path}. A password comes from {@code CHARTON_DB_PASSWORD}, else from the
 * driver's usual sources ({@code ~/.pgpass}; {@code PGPASSWORD} for PostgreSQL), else from the URL.
 */
final class SqlConnections {
    static final String PASSWORD_VARIABLE = "CHARTON_DB_PASSWORD";
    private static final Pattern USER_PARAMETER = Pattern.compile("(?i)[?&;]user=");

    private SqlConnections() {
    }

    static Connection open(DatabaseUrl db, Path driverJar) {
        Properties properties = new Properties();
        password(db).ifPresent(password -> properties.setProperty("password", password));
        if (db.dialect() == SqlDialect.DUCKDB) {
            properties.setProperty("jdbc_stream_results", "true"); // DuckDB's driver holds whole results otherwise
        }
        if (db.dialect() == SqlDialect.TRINO && !USER_PARAMETER.matcher(db.url()).find()) {
            // Trino's driver sends no user unless told, which even a server without logins refuses;
            // Trino's own CLI sends the OS user's name, as PostgreSQL's driver does.
            properties.setProperty("user", System.getProperty("user.name"));
        }
        try {
            Driver driver = driverJar == null ? carried(db) : driverIn(driverJar, db);
            Connection connection = driver.connect(db.url(), properties);
            if (connection == null) {
                throw noDriver(db, driverJar);
            }
            return connection;
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) && String.valueOf(e.getMessage()).startsWith("No suitable driver")) {
                throw noDriver(db, driverJar);
            }
            throw SqlFailures.of(e, db);
        }
    }

    /**
     * The driver charton carries for the URL's engine, made directly: DriverManager would first load
     * and start every driver in the jar, Trino's HTTP client with its own, for any query.
     */
    private static Driver carried(DatabaseUrl db) throws SQLException {
        return switch (db.dialect()) {
            case DUCKDB -> new org.duckdb.DuckDBDriver();
            case POSTGRESQL -> new org.postgresql.Driver();
            case TRINO -> new io.trino.jdbc.TrinoDriver();
            case ANSI -> DriverManager.getDriver(db.url());
        };
    }

    private static java.util.Optional<String> password(DatabaseUrl db) {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null && db.dialect() == SqlDialect.POSTGRESQL) {
            password = System.getenv("PGPASSWORD");
        }
        return java.util.Optional.ofNullable(password).filter(p -> !db.carriesPassword());
    }

    private static Driver driverIn(Path jar, DatabaseUrl db) throws SQLException {
        if (!Files.isRegularFile(jar)) {
            throw new ChartonException(ExitCode.NO_INPUT, "--driver-path " + jar + ": no such file");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, SqlConnections.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new ChartonException(ExitCode.USAGE, "--driver-path " + jar + ": " + e.getMessage(), e);
        }
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (driver.acceptsURL(db.url())) {
                return driver;
            }
        }
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing was loaded from it.
        }
        throw noDriver(db, jar);
    }

    private static ChartonException noDriver(DatabaseUrl db, Path driverJar) {
        return new ChartonException(ExitCode.UNAVAILABLE, db.displayName() + ": "
                + (driverJar == null ? "charton has no JDBC driver for this URL; give the driver's jar with --driver-path JAR"
                : "no JDBC driver in " + driverJar + " accepts this URL"));
    }
}
