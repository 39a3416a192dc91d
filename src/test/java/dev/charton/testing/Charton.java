package dev.charton.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code charton} launcher in a child process, the way a user does, and captures
 * what it did. End-to-end tests use this; nothing in between is mocked.
 */
public final class Charton {
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final List<String> unsetEnv = new ArrayList<>();
    private final List<String> wrapper = new ArrayList<>();
    private byte[] stdin = new byte[0];
    private Path workingDirectory = Repo.root();
    private long timeoutSeconds = 180;
    private File stdoutFile;

    private Charton(String... args) {
        this.args.addAll(Arrays.asList(args));
    }

    public static Charton run(String... args) {
        return new Charton(args);
    }

    public Charton env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Charton unsetEnv(String name) {
        unsetEnv.add(name);
        return this;
    }

    public Charton stdin(byte[] bytes) {
        this.stdin = bytes;
        return this;
    }

    public Charton in(Path dir) {
        this.workingDirectory = dir;
        return this;
    }

    /** Runs the launcher through {@code command} (for example setpriv, to run it with fewer privileges). */
    public Charton via(String... command) {
        wrapper.addAll(Arrays.asList(command));
        return this;
    }

    /** Sends charton's stdout to this file (a device such as /dev/full too) instead of capturing it. */
    public Charton stdoutTo(File file) {
        this.stdoutFile = file;
        return this;
    }

    public Charton timeout(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public Result go() {
        if (usesDefaultPython()) {
            PythonReady.ensure();
        }
        return execute();
    }

    /** Runs with the user's own Python lookup, which on a fresh machine builds the managed environment. */
    private boolean usesDefaultPython() {
        return !args.contains("--python") && !env.containsKey("CHARTON_PYTHON") && !env.containsKey("XDG_DATA_HOME")
                && !env.containsKey("CHARTON_NO_SETUP");
    }

    Result execute() {
        Started started = launch();
        try (OutputStream in = started.stdin()) {
            in.write(stdin);
        } catch (IOException ignored) {
            // charton may legitimately exit before reading its input.
        }
        return started.await(timeoutSeconds);
    }

    /**
     * Starts charton and returns at once, its stdin left open, for tests that act while it runs
     * (feed input slowly, send a signal). Uses the default Python like {@link #go()}.
     */
    public Started start() {
        if (usesDefaultPython()) {
            PythonReady.ensure();
        }
        return launch();
    }

    /** The command, directory and environment, for tests that start it themselves (in a pipeline). */
    public ProcessBuilder processBuilder() {
        if (usesDefaultPython()) {
            PythonReady.ensure();
        }
        return builder();
    }

    private ProcessBuilder builder() {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(Repo.launcherCommand(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        unsetEnv.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        if (stdoutFile != null) {
            builder.redirectOutput(stdoutFile);
        }
        return builder;
    }

    private Started launch() {
        try {
            Process process = builder().start();
            return new Started(String.join(" ", args), process,
                    CompletableFuture.supplyAsync(() -> readAll(process.getInputStream())),
                    CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream())));
        } catch (IOException e) {
            throw new AssertionError("could not run charton: " + e, e);
        }
    }

    /** A running charton: its stdin, its pid, and its result once it ends. */
    public record Started(String args, Process process, CompletableFuture<byte[]> out, CompletableFuture<byte[]> err) {
        public OutputStream stdin() {
            return process.getOutputStream();
        }

        /** Sends SIGNAL (TERM, INT...) to the JVM alone, not its process group, as {@code kill} does. */
        public void signal(String signal) {
            try {
                int status = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
                if (status != 0) {
                    throw new AssertionError("kill -" + signal + " " + process.pid() + " failed with " + status);
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Waits for charton to end (killing it and its children after {@code seconds}). */
        public Result await(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError("charton " + args + " did not finish in " + seconds + " s");
                }
                return new Result(process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("could not run charton: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** What one run of charton did. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** The stderr lines charton itself wrote (prefixed "charton: "). */
        public List<String> chartonLines() {
            return stderr.lines().filter(l -> l.startsWith("charton: ")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr:" + File.separator + stderr;
        }
    }
}
