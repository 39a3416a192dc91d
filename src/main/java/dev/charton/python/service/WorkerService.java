package dev.charton.python.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.python.protocol.ChildProcess;
import dev.charton.python.protocol.Frame;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.MemoryLimit;
import dev.charton.python.setup.PythonTemplates;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker service of one interpreter, charton build and set of template directories, as a
 * command sees it: a warm worker to connect to, or, when none runs, one to start once the command
 * is done (so the first command is no slower than without it). A service that is busy, broken or
 * lacks a renderer's packages is passed over: the command starts its own worker, as it always has.
 */
public final class WorkerService {
    /** How long a service may take to greet before the command stops waiting for it. */
    private static final Duration GREETING_TIMEOUT = Duration.ofSeconds(2);
    private static Runnable startAfterCommand;

    private final ServiceSettings settings;
    private final ServiceAddress address;
    private final Path python;
    private final Path templates;
    private final String preload;
    private final Map<String, String> env;
    private boolean running = true;

    private WorkerService(ServiceSettings settings, ServiceAddress address, Path python, Path templates,
                          String preload, Map<String, String> env) {
        this.settings = settings;
        this.address = address;
        this.python = python;
        this.templates = templates;
        this.preload = preload;
        this.env = env;
    }

    /**
     * The service for workers of {@code python} preloading {@code preload}, or empty when the
     * service is off (CHARTON_WORKER_IDLE=0, CI) or has no directory charton can trust. A worker
     * that preloads nothing describes an interpreter (charton doctor) and is never the service's.
     */
    public static Optional<WorkerService> forWorkers(Path python, Path templates, String preload, Map<String, String> env) {
        Optional<ServiceSettings> settings = ServiceSettings.from(env);
        if (settings.isEmpty() || "none".equals(preload)) {
            return Optional.empty();
        }
        return ServiceDirectory.find(env, true).map(dir -> new WorkerService(settings.get(),
                ServiceAddress.of(dir, python, templates, env), python, templates, preload, env));
    }

    /** A worker of the running service, or empty when none runs or it cannot serve this command now. */
    public Optional<PythonWorker> connect(PrintStream stderr) {
        Optional<ServiceConnection> connection = ServiceConnection.open(address.socket());
        if (connection.isEmpty()) {
            running = false;
            return Optional.empty();
        }
        PythonWorker worker;
        try {
            worker = PythonWorker.over(connection.get(), python, stderr, context(), GREETING_TIMEOUT);
        } catch (ChartonException e) {
            return Optional.empty(); // busy (it closed without a greeting), or stuck
        }
        List<String> missing = connection.get().missingFor(preload);
        if (missing == null || !missing.isEmpty()) {
            worker.close();
            return Optional.empty(); // the command's own worker finds the interpreter that has them
        }
        return Optional.of(worker);
    }

    /** Where this service listens, or would. */
    Path socket() {
        return address.socket();
    }

    /**
     * Starts this service once the command is done ({@link #startWaiting}), if {@link #connect}
     * found none running: the command's own worker has shown the interpreter can run the renderer.
     */
    public void startAfterCommand() {
        if (!running) {
            synchronized (WorkerService.class) {
                startAfterCommand = this::start;
            }
        }
    }

    /** Starts the service a command asked for, detached; the command does not wait for it. */
    public static void startWaiting() {
        Runnable start;
        synchronized (WorkerService.class) {
            start = startAfterCommand;
            startAfterCommand = null;
        }
        if (start != null) {
            start.run();
        }
    }

    private void start() {
        Map<String, String> serviceEnv = ChildProcess.environment(env);
        serviceEnv.remove(MemoryLimit.WORKER_VARIABLE); // limits are each request's own
        ProcessBuilder builder = new ProcessBuilder(python.toString(),
                templates.resolve(PythonTemplates.WORKER_SCRIPT).toString(), "--serve", address.socket().toString(),
                "--status", address.status().toString(), "--idle", Long.toString(settings.idle().toSeconds()),
                "--preload", preload)
                .directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(serviceEnv);
        try {
            builder.start(); // it detaches itself and leaves this process at once
        } catch (IOException e) {
            // No service then: the next command starts its own worker, as this one did.
        }
    }

    /** Where and with what the request runs: the serving process puts them in place (docs/protocol.md). */
    private ObjectNode context() {
        ObjectNode context = Frame.object().put("cwd", System.getProperty("user.dir"));
        ObjectNode environment = context.putObject("environment");
        ChildProcess.environment(env).forEach(environment::put);
        return context;
    }
}
