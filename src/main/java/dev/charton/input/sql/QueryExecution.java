package dev.charton.input.sql;

import dev.charton.error.ChartonException;
import dev.charton.lifecycle.Cleanup;
import dev.charton.lifecycle.Deadline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One query running on an engine, from execution until its result is read or abandoned. The query
 * is cancelled on the server ({@link Statement#cancel}) when charton is stopped (Ctrl-C, SIGTERM)
 * or when the command's time budget runs out; its failures become charton's one-line messages.
 */
final class QueryExecution implements AutoCloseable {
    private final DatabaseUrl db;
    private final Connection connection;
    private final Statement statement;
    private final Deadline deadline;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final Cleanup.Registration cancelOnShutdown;
    private final ScheduledExecutorService watchdog;
    private ResultSet result;

    private QueryExecution(DatabaseUrl db, Connection connection, Statement statement, Deadline deadline) {
        this.db = db;
        this.connection = connection;
        this.statement = statement;
        this.deadline = deadline;
        this.cancelOnShutdown = Cleanup.onShutdown(this::cancel);
        Duration remaining = deadline.remaining();
        if (remaining == null) {
            this.watchdog = null;
        } else {
            this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "charton-query-timeout");
                thread.setDaemon(true);
                return thread;
            });
            watchdog.schedule(() -> {
                timedOut.set(true);
                cancel();
            }, remaining.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Runs {@code sql} on {@code connection} (closed with the execution), streaming {@code fetchRows} at a time. */
    static QueryExecution start(DatabaseUrl db, Connection connection, String sql, int fetchRows, Deadline deadline) {
        Statement statement = null;
        QueryExecution execution = null;
        try {
            if (db.dialect().streamsOnlyInTransaction()) {
                connection.setAutoCommit(false);
            }
            statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchRows);
            execution = new QueryExecution(db, connection, statement, deadline);
            execution.result = statement.executeQuery(sql);
            return execution;
        } catch (SQLException | RuntimeException e) {
            ChartonException failure = execution == null ? SqlFailures.of(asSql(e), db) : execution.failure(e);
            if (execution != null) {
                execution.close();
            } else {
                closeQuietly(statement);
                closeQuietly(connection);
            }
            throw failure;
        }
    }

    ResultSet result() {
        return result;
    }

    /** What a failure while the query ran or its rows were read means to the user. */
    ChartonException failure(Exception e) {
        if (e instanceof ChartonException charton) {
            return charton;
        }
        if (timedOut.get()) {
            return SqlFailures.timedOut(db, deadline.budget(), e);
        }
        return SqlFailures.of(asSql(e), db);
    }

    private static SQLException asSql(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return new SQLException(dev.charton.input.FailureText.of(e), e);
    }

    private void cancel() {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // The query may have ended meanwhile; closing the connection ends it anyway.
        }
    }

    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        cancelOnShutdown.close();
        closeQuietly(result);
        closeQuietly(statement);
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // only read: nothing to keep
            }
        } catch (SQLException ignored) {
            // The connection is closed next either way.
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Only read from; a failure to close loses nothing.
        }
    }
}
