package dev.charton.batch;

import dev.charton.input.TableReader;
import dev.charton.input.sql.SqlQuery;
import dev.charton.table.ArrowIpcWriter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import java.io.OutputStream;
import java.util.Arrays;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.TemplateDirectories;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Content hashes that change whenever a chart's figure could: the bytes of its dataset file and
 * the dataset's read options, the chart's options as the renderer receives them (normalised by
 * plot's parser), and the code that draws it: charton's Python templates, the user's script, the
 * template plugin's file.
 */
final class Fingerprints {
    private static final ObjectMapper SORTED_JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Map<BatchDataset, String> datasets = new HashMap<>();
    private String templates;

    String of(Chart chart) {
        RenderRequest request = chart.job().request();
        Digest digest = new Digest();
        digest.add("dataset", dataset(chart.dataset()));
        digest.add("request", canonicalJson(request));
        digest.add("templates", templates());
        if (request.code().script() != null) {
            digest.add("script", fileHash(request.code().script()));
        }
        TemplateDirectories.plugin(request.renderer(), chart.job().python().environment())
                .ifPresent(plugin -> digest.add("plugin", fileHash(plugin)));
        return digest.hex();
    }

    private String dataset(BatchDataset dataset) {
        return datasets.computeIfAbsent(dataset, d -> {
            Digest digest = new Digest();
            // Standard input cannot be read twice, so it never counts as unchanged; a query runs, and
            // counts as unchanged when its result is.
            digest.add("file", d.read().file().map(Fingerprints::fileHash)
                    .or(() -> d.read().query().map(Fingerprints::resultHash))
                    .orElseGet(() -> UUID.randomUUID().toString()));
            digest.add("read", String.join("\u0000", d.readArguments()));
            return digest.hex();
        });
    }

    private String templates() {
        if (templates == null) {
            templates = TemplatesFingerprint.compute();
        }
        return templates;
    }

    /** The request header with its keys sorted: the same options give the same text in every run. */
    private static String canonicalJson(RenderRequest request) {
        try {
            Object tree = SORTED_JSON.treeToValue(request.toHeader(0), Object.class);
            return SORTED_JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request header is always JSON", e);
        }
    }

    static String fileHash(Path file) {
        Digest digest = new Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, n);
            }
        } catch (IOException e) {
            throw new ChartonException(ExitCode.NO_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
        return digest.hex();
    }

    /** The hash of a query's result as an Arrow stream: the query's text and engine are in the read arguments. */
    static String resultHash(SqlQuery query) {
        Digest digest = new Digest();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                digest.update(new byte[] {(byte) b}, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                digest.update(Arrays.copyOfRange(bytes, offset, offset + length), length);
            }
        };
        try (BufferAllocator allocator = new RootAllocator();
             TableReader result = query.open(null, allocator)) {
            ArrowIpcWriter.write(result, ArrowIpcWriter.Layout.STREAM, sink);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, query.displayName() + ": cannot hash the result: " + e.getMessage(), e);
        }
        return digest.hex();
    }

    /** SHA-256 over labelled parts. */
    static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }

        void add(String label, String value) {
            sha.update((label + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
        }

        void update(byte[] bytes, int length) {
            sha.update(bytes, 0, length);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
