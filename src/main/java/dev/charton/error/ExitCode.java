package dev.charton.error;

/**
 * charton's process exit codes. They follow BSD sysexits(3) where a code fits, so scripts can tell
 * "fix your command" from "fix your data" from "try again later".
 */
public enum ExitCode {
    OK(0, "success"),
    USAGE(64, "the command line is wrong (unknown option, bad value)"),
    DATA(65, "the input data is malformed (bad CSV row, corrupt Parquet or Arrow, unknown column), or the SQL query failed"),
    NO_INPUT(66, "the input file does not exist or cannot be read"),
    UNAVAILABLE(69, "Python, a required Python package or the database is not available"),
    SOFTWARE(70, "the renderer or user script failed in Python, or charton hit an internal error"),
    CANT_CREATE(73, "the output file cannot be created"),
    IO(74, "an input/output error while reading or writing"),
    TEMP_FAIL(75, "the render or the query timed out (--timeout)"),
    NO_PERMISSION(77, "the database refused the login"),
    INTERRUPTED(130, "interrupted (Ctrl-C, SIGINT)"),
    BROKEN_PIPE(141, "the reader of the output stopped reading (e.g. | head): ends quietly, like cat"),
    // Never thrown by charton: the JVM exits with 143 itself on SIGTERM, after the shutdown hooks run.
    TERMINATED(143, "stopped by SIGTERM");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
