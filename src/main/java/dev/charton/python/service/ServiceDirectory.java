package dev.charton.python.service;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the worker services of this user keep their sockets, status files and crash logs:
 * {@code $XDG_RUNTIME_DIR/charton}, else {@code charton-UID} in the temporary directory. It is used
 * only when it is a real directory (no link), owned by this user and open to nobody else: one that
 * another user made (in a shared /tmp) is never trusted, and charton then works without a service.
 */
final class ServiceDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private ServiceDirectory() {
    }

    /** The directory, made owner-only if {@code create} and missing; empty when it cannot be trusted. */
    static Optional<Path> find(Map<String, String> env, boolean create) {
        try {
            Path dir = location(env);
            if (create && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectories(dir.getParent());
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (FileAlreadyExistsException e) {
                    // Made by a command running at the same time: checked below like any other.
                }
            }
            return trusted(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static Path location(Map<String, String> env) throws IOException {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            return Path.of(runtime, "charton");
        }
        String tmp = env.getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir"));
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return Path.of(tmp == null || tmp.isBlank() ? "/tmp" : tmp, "charton-" + uid);
    }

    private static boolean trusted(Path dir) throws IOException {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(currentUser())
                && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
    }

    /** This process's user (the owner of its /proc entry). */
    static UserPrincipal currentUser() throws IOException {
        return Files.getOwner(Path.of("/proc/self"));
    }
}
