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

    /** Runs the launcher through {@code command} (for example setpriv, to run it as another user). */
    public Charton via(String... command) {
        wrapper.addAll(Arrays.asList(command));
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
        List<String> command = new ArrayList<>(wrapper);
        command.add(Repo.launcher().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        unsetEnv.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // charton may legitimately exit before reading its input.
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("charton " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("could not run charton: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
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
