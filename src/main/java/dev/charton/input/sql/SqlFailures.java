package dev.charton.input.sql;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * An engine's failure as one line and an exit code: unreachable (69), login refused (77), anything
 * the query itself did wrong (65). The engine's own message is kept, folded to one line, its URL's
 * password masked.
 */
final class SqlFailures {
    private SqlFailures() {
    }

    static ChartonException of(SQLException e, DatabaseUrl db) {
        ExitCode code = exitCode(e);
        String what = switch (code) {
            case UNAVAILABLE -> "cannot reach the database";
            case NO_PERMISSION -> "the database refused the login";
            case NO_INPUT -> "the query reads a file that is not there";
            default -> "the query failed";
        };
        return new ChartonException(code, db.displayName() + ": " + what + ": " + engineMessage(e, db), e);
    }

    /** The query ran out of the command's --timeout and was cancelled on the server. */
    static ChartonException timedOut(DatabaseUrl db, java.time.Duration budget, Exception e) {
        return new ChartonException(ExitCode.TEMP_FAIL, db.displayName() + ": the query was cancelled: the command"
                + " ran longer than --timeout " + budget.toMillis() / 1000.0 + "s", e);
    }

    static ExitCode exitCode(SQLException e) {
        String state = sqlState(e);
        if (state.startsWith("28") || e instanceof SQLInvalidAuthorizationSpecException) {
            return ExitCode.NO_PERMISSION;
        }
        if (state.startsWith("08") || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException || causedByNetwork(e)) {
            return ExitCode.UNAVAILABLE;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("io error: no files found") || message.contains("io error: cannot open file")) {
            return ExitCode.NO_INPUT;
        }
        return ExitCode.DATA;
    }

    /** The SQLState of the exception or of the first of its chain that has one, else "". */
    private static String sqlState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
        }
        return "";
    }

    private static boolean causedByNetwork(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** The engine's message, on one line and without the password of the URL. */
    static String engineMessage(Throwable e, DatabaseUrl db) {
        String message = e.getMessage();
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        if (message == null || message.isBlank()) {
            message = deepest.getMessage() == null ? e.getClass().getSimpleName() : deepest.getMessage();
        } else if (deepest != e && deepest.getMessage() != null && !message.contains(deepest.getMessage())) {
            message = message + " (" + deepest.getMessage() + ")";
        }
        return db.maskIn(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
