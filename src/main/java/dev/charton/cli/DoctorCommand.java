package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.app.Doctor;
import dev.charton.error.ExitCode;
import dev.charton.options.PythonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code charton doctor}: reports which Python charton uses and what it can render. */
@Command(name = DoctorCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Show which Python charton would use and why, its version, each renderer and output format "
                + "with its availability and library versions, the Arrow reader, and what to install for what is missing.",
                "It only looks: nothing is installed or changed. Exits 0 when a usable Python was found, 69 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"  charton doctor",
                "  charton doctor --python ~/venvs/plots/bin/python",
                "  charton doctor --json | jq .chosen.reader"})
final class DoctorCommand implements Callable<Integer> {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "doctor";

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Mixin
    PythonOptions python;

    @Override
    public Integer call() {
        JsonNode report = new Doctor(python.setup(), System.getenv(), python.timeout()).examine();
        System.out.print(json ? report.toPrettyString() + System.lineSeparator() : Doctor.toText(report));
        System.out.flush();
        return report.has("chosen") ? ExitCode.OK.code() : ExitCode.UNAVAILABLE.code();
    }
}
