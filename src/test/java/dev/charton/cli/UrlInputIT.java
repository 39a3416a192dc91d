package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.charton.testing.Charton;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A URL as the input: read like standard input from a local HTTP server the test starts, or refused in one line. */
class UrlInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;
    private static String base;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/weather.csv", exchange -> send(exchange, 200, Files.readAllBytes(Repo.example("weather.csv"))));
        server.createContext("/old/weather.csv", exchange -> {
            exchange.getResponseHeaders().add("Location", "/data/weather.csv");
            send(exchange, 302, new byte[0]);
        });
        server.createContext("/loop.csv", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop.csv");
            send(exchange, 301, new byte[0]);
        });
        server.createContext("/data/plain.parquet", exchange -> send(exchange, 200,
                Files.readAllBytes(Repo.example("weather.parquet"))));
        server.createContext("/", exchange -> send(exchange, 404, "not here".getBytes()));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aCsvAtAUrlDrawsTheFigureOfTheSameFileOnDisk() throws IOException {
        Path fromUrl = tmp.resolve("url.png");
        Path fromFile = tmp.resolve("file.png");
        Charton.Result r = Charton.run("plot", base + "/data/weather.csv", "--x", "date", "--y", "temp_max", "-o", fromUrl.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        Charton.Result local = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp_max",
                "-o", fromFile.toString()).go();
        assertEquals(0, local.exitCode(), local::toString);
        assertArrayEquals(Files.readAllBytes(fromFile), Files.readAllBytes(fromUrl), "the same figure as from the file");
    }

    @Test
    void aRedirectIsFollowed() throws IOException {
        Charton.Result r = Charton.run("schema", base + "/old/weather.csv", "--json").go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("temp_max", JSON.readTree(r.stdout()).get("columns").get(1).get("name").asText());
    }

    @Test
    void aParquetFileAtAUrlIsCopiedAsFromAPipeAndRead() throws IOException {
        Charton.Result r = Charton.run("schema", base + "/data/plain.parquet", "--json").go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode schema = JSON.readTree(r.stdout());
        assertEquals("parquet", schema.get("format").asText());
        assertEquals(Files.readAllLines(Repo.example("weather.csv")).size() - 1, schema.get("rows").asLong());
    }

    @Test
    void aMissingPageAnEndlessRedirectAndAClosedPortAreOneLineEach() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        List<String[]> cases = List.of(
                new String[]{base + "/missing.csv", base + "/missing.csv: the server answered HTTP 404 (not found)"},
                new String[]{base + "/loop.csv", base + "/loop.csv: more than 5 redirects"},
                new String[]{"http://127.0.0.1:" + closedPort + "/x.csv", "http://127.0.0.1:" + closedPort
                        + "/x.csv: cannot reach 127.0.0.1 (Connection refused)"});
        for (String[] c : cases) {
            Path out = tmp.resolve("x.png");
            Charton.Result r = Charton.run("plot", c[0], "--x", "date", "--y", "temp_max", "-o", out.toString()).go();
            assertEquals(66, r.exitCode(), r::toString);
            assertEquals(List.of("charton: " + c[1]), r.stderr().lines().toList());
            assertFalse(Files.exists(out), "no figure");
        }
    }

    @Test
    void aResponseCutShortIsAnErrorNotAPartialTable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread hangsUpEarly = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"
                            + "date,v\n2025-01-01,1\n2025-01-02,2\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            hangsUpEarly.start();
            String url = "http://127.0.0.1:" + socket.getLocalPort() + "/cut.csv";
            Path out = tmp.resolve("cut.png");
            Charton.Result r = Charton.run("plot", url, "--x", "date", "--y", "v", "-o", out.toString()).go();
            hangsUpEarly.join();
            assertEquals(74, r.exitCode(), r::toString);
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertTrue(r.stderr().startsWith("charton: " + url + ": ") && r.stderr().contains(
                    "the connection closed after 33 of the 100000 bytes announced"), r.stderr());
            assertFalse(Files.exists(out), "no figure of a part of the data");
        }
    }

    @Test
    void anotherSchemeIsRefusedWithTheCommandThatFetchesItNeverTakenForAPath() {
        Charton.Result r = Charton.run("plot", "ftp://example.org/pub/data.csv", "--x", "a", "-o", tmp.resolve("x.png").toString()).go();
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals(List.of("charton: ftp://example.org/pub/data.csv: charton reads http:// and https:// URLs, not ftp://;"
                + " fetch it and pipe it in: curl -sL 'ftp://example.org/pub/data.csv' | charton plot - ..."), r.stderr().lines().toList());
    }

    @Test
    void aPasswordInTheUrlIsNotPrinted() {
        String url = "http://reader:s3cret@127.0.0.1:" + server.getAddress().getPort() + "/missing.csv";
        Charton.Result r = Charton.run("schema", url).go();
        assertEquals(66, r.exitCode(), r::toString);
        assertFalse(r.stderr().contains("s3cret"), r.stderr());
        assertTrue(r.stderr().contains("127.0.0.1:" + server.getAddress().getPort() + "/missing.csv: the server answered HTTP 404"),
                r.stderr());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
