package dev.charton.input.sql;

import dev.charton.testing.Charton;
import dev.charton.testing.PostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/**
 * A real engine the push-down tests run on: how charton reaches it and how a test loads a table
 * into it. The comparison tests take a list of these (DuckDB, PostgreSQL).
 *
 * @param name    shown in the test's name
 * @param url     the --db URL (no password)
 * @param secret  the password charton takes from CHARTON_DB_PASSWORD, or null
 * @param series  the dialect's table of the integers 0 to n - 1 as a column {@code i}, for {@code %d} = n
 */
public record SqlEngine(String name, String url, String secret, String series, Connector connector) {
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    public static SqlEngine duckdb(Path file) {
        String url = "jdbc:duckdb:" + file;
        return new SqlEngine("DuckDB", url, null, "range(%d) AS s(i)", () -> DriverManager.getConnection(url));
    }

    public static SqlEngine postgres() {
        PostgresServer server = PostgresServer.shared();
        return new SqlEngine("PostgreSQL", server.url() + "?user=" + PostgresServer.USER, PostgresServer.PASSWORD,
                "generate_series(0, %d - 1) AS s(i)", server::connect);
    }

    /** Runs statements in the engine, in order. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = connector.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A charton command against this engine, with its password where charton looks for one. */
    public UnaryOperator<Charton> env() {
        return c -> secret == null ? c : c.env("CHARTON_DB_PASSWORD", secret);
    }

    @Override
    public String toString() {
        return name;
    }
}
