package dev.charton.python.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.python.protocol.Frame;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stand-in for the worker service, for the start-up archive's training run
 * ({@code startup.StartupTraining}), which has no Python: it listens where the service of
 * {@code python}, the templates and {@code env} would, greets like a serving process that lacks
 * nothing, and answers each request with placeholder bytes once it has read the request's Arrow
 * stream. A command drawn against it goes the whole way of a warm command, so the archive holds
 * the classes of that way (the address's digest, the socket and its peer check, the exchange)
 * instead of the JVM parsing them from the jar at every warm command.
 */
public final class ServiceRehearsal implements AutoCloseable {
    private static final byte[] PLACEHOLDER = "not a figure: the start-up training's".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel listening;
    private final Thread serving;

    private ServiceRehearsal(ServerSocketChannel listening, String renderer) {
        this.listening = listening;
        this.serving = new Thread(() -> serve(renderer), "charton-training-service");
        serving.setDaemon(true);
        serving.start();
    }

    /**
     * Listens where {@code env}'s service for {@code python}, {@code templates} and {@code renderer}
     * would, until closed; {@code env} must turn the service on and name a runtime directory.
     */
    public static ServiceRehearsal listen(Path python, Path templates, String renderer, Map<String, String> env) {
        WorkerService service = WorkerService.forWorkers(python, templates, renderer, env).orElseThrow(
                () -> new IllegalStateException("the worker service is off or has no trusted directory in " + env));
        try {
            ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listening.bind(UnixDomainSocketAddress.of(service.socket()));
            return new ServiceRehearsal(listening, renderer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(String renderer) {
        try (BufferAllocator allocator = new RootAllocator()) {
            while (listening.isOpen()) {
                try (SocketChannel client = listening.accept()) {
                    answer(Channels.newInputStream(client), Channels.newOutputStream(client), renderer, allocator);
                }
            }
        } catch (IOException e) {
            // Closed: the rehearsal is over.
        }
    }

    private static void answer(InputStream fromCommand, OutputStream toCommand, String renderer, BufferAllocator allocator)
            throws IOException {
        InputStream in = new BufferedInputStream(fromCommand);
        OutputStream out = new BufferedOutputStream(toCommand);
        ObjectNode greeting = Frame.object().put("protocol", 1).put("python", "3").put("executable", "python3");
        greeting.putArray("missing");
        greeting.putObject("missing_by_renderer").putArray(renderer);
        new Frame(Frame.HELLO, greeting).writeTo(out);
        out.flush();
        Frame request;
        while ((request = Frame.readFrom(in)) != null) {
            if (Frame.REQUEST.equals(request.kind())) {
                ArrowStreamReader data = new ArrowStreamReader(in, allocator);
                while (data.loadNextBatch()) {
                    // Read as Python would, and dropped.
                }
                data.close(false);
            }
            ObjectNode response = Frame.object().put("id", request.header().path("id").asLong())
                    .put("status", "ok").put("media_type", "application/octet-stream").put("length", PLACEHOLDER.length);
            new Frame(Frame.RESPONSE, response).writeTo(out);
            out.write(PLACEHOLDER);
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            listening.close();
            serving.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
