package dev.charton.python.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The socket and status file of the service for one interpreter, charton build and set of template
 * directories: each of them is part of the name, so a change of any means another service.
 */
record ServiceAddress(Path directory, String key) {
    static ServiceAddress of(Path directory, Path python, Path templates, Map<String, String> env) {
        String identity = python.toAbsolutePath() + "\0" + templates.toAbsolutePath() + "\0"
                + env.getOrDefault("CHARTON_TEMPLATES", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return new ServiceAddress(directory, HexFormat.of().formatHex(digest, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    Path socket() {
        return directory.resolve(key + ".sock");
    }

    Path status() {
        return directory.resolve(key + ".json");
    }
}
