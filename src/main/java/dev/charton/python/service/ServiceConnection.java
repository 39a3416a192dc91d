package dev.charton.python.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.python.protocol.CrashLog;
import dev.charton.python.protocol.WorkerEnd;
import jdk.net.ExtendedSocketOptions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A connection to a worker service: the serving process forked for it speaks the worker protocol
 * on the socket. Closing the connection is how charton ends that process, with everything it
 * started: it watches for exactly that (chartonpy/serving.py).
 */
final class ServiceConnection implements WorkerEnd {
    private final SocketChannel channel;
    private final Path directory;
    private final OutputStream requests;
    private final InputStream responses;
    private volatile JsonNode hello;

    private ServiceConnection(SocketChannel channel, Path directory) {
        this.channel = channel;
        this.directory = directory;
        this.requests = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        this.responses = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    }

    /**
     * Connects to the service listening on {@code socket}; empty when none listens there, or when
     * the process listening is not this user's.
     */
    static Optional<ServiceConnection> open(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            if (channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user().equals(ServiceDirectory.currentUser())) {
                return Optional.of(new ServiceConnection(channel, socket.getParent()));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // A stale socket (its service was killed), or no Unix-domain sockets here.
        }
        closeQuietly(channel);
        return Optional.empty();
    }

    /** What the serving process lacks to run {@code renderer}; null when it cannot say (not one of its own). */
    List<String> missingFor(String renderer) {
        JsonNode missing = hello == null ? null : hello.path("missing_by_renderer").get(renderer);
        if (missing == null || !missing.isArray()) {
            return null;
        }
        return java.util.stream.StreamSupport.stream(missing.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Override
    public OutputStream requests() {
        return requests;
    }

    @Override
    public InputStream responses() {
        return responses;
    }

    @Override
    public void greeted(JsonNode greeting) {
        this.hello = greeting;
    }

    @Override
    public boolean isAlive() {
        return channel.isOpen();
    }

    @Override
    public void kill() {
        closeQuietly(channel);
    }

    /** Unknown here: the service sends it (an {@code EXIT} frame) when its process ends first. */
    @Override
    public OptionalInt exitStatus() {
        return OptionalInt.empty();
    }

    @Override
    public String crashDump() {
        return crashLog().map(CrashLog::read).orElse("");
    }

    @Override
    public void close() {
        closeQuietly(channel);
        crashLog().ifPresent(CrashLog::delete);
    }

    /** The serving process's crash log, if the greeting named one in the service's own directory. */
    private Optional<CrashLog> crashLog() {
        String path = hello == null ? "" : hello.path("crash_log").asText("");
        if (path.isEmpty() || !directory.equals(Path.of(path).getParent())) {
            return Optional.empty();
        }
        return Optional.of(new CrashLog(Path.of(path)));
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }
}
