package dev.charton.cli;

import dev.charton.startup.StartupTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** Hidden: the training run for the launcher's start-up archive, made by {@code mvn package}. */
@Command(name = StartupTrainingCommand.NAME, hidden = true)
final class StartupTrainingCommand implements Runnable {
    /** The command's name: a constant, so that choosing the command to build reads no annotation (Main). */
    static final String NAME = "startup-training";

    @Parameters(paramLabel = "FILE", arity = "0..*")
    List<String> inputs = new ArrayList<>();

    @Override
    public void run() {
        StartupTraining.run(Main::commandLine, inputs);
    }
}
