package dev.charton.cli;

import dev.charton.app.Daemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code charton daemon status|stop}: the worker service that keeps Python warm between commands. */
@Command(name = DaemonCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show or stop the worker service: the Python process that a command leaves running so the "
                + "next ones start drawing at once. It serves only its own user and leaves by itself after "
                + "CHARTON_WORKER_IDLE (default 10m) without requests; CHARTON_WORKER_IDLE=0 turns it off."},
        footerHeading = "%nExamples:%n",
        footer = {"  charton daemon status", "  charton daemon stop", "  CHARTON_WORKER_IDLE=0 charton plot ..."})
final class DaemonCommand {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "daemon";

    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Show whether commands use the worker service, and each one running: pid, interpreter, "
                    + "idle time, requests served. Exits 0 whether or not one runs.",
            footerHeading = "%nExamples:%n",
            footer = {"  charton daemon status", "  charton daemon status --json | jq '.running[].served'"})
    int status(@Option(names = "--json", description = "Print the status as one JSON document.") boolean json) {
        var status = new Daemon(System.getenv()).status();
        System.out.print(json ? status.toPrettyString() + System.lineSeparator() : Daemon.toText(status));
        System.out.flush();
        return 0;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Stop every worker service of this user (a request it is serving is stopped too); the "
                    + "next command starts a new one. Exits 0 whether or not one ran.",
            footerHeading = "%nExamples:%n",
            footer = {"  charton daemon stop", "  charton daemon stop && CHARTON_WORKER_IDLE=0 charton plot data.csv -o a.png"})
    int stop() {
        List<Long> stopped = new Daemon(System.getenv()).stop();
        System.out.println(stopped.isEmpty() ? "no worker service was running"
                : "stopped the worker service (pid " + stopped.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("") + ")");
        return 0;
    }
}
