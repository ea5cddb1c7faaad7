package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.score.ModelException;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsDownloaderTests {

    private static final byte[] BODY = new byte[3 << 20];

    static {
        new Random(1).nextBytes(BODY);
    }

    @TempDir
    Path dir;

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/weights.h5", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/published.h5", exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"" + Sha256Of.bytes(BODY) + "\"");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/redirect.h5", exchange -> {
            // Hugging Face's shape: the SHA-256 on the redirect (X-Linked-Etag), the file on another host.
            exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + "0".repeat(64) + "\"");
            exchange.getResponseHeaders().add("Location", "/weights.h5");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/cut.h5", exchange -> {
            exchange.sendResponseHeaders(200, BODY.length);
            OutputStream out = exchange.getResponseBody();
            out.write(BODY, 0, 1000);
            out.flush();
            exchange.getHttpContext().getServer().stop(0);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void downloadsIntoPlaceLeavingNoTemporaryFile() throws Exception {
        Path target = dir.resolve("models/weights.h5");
        WeightsDownloader.download(url("/weights.h5"), target);
        assertThat(Files.readAllBytes(target)).isEqualTo(BODY);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aDownloadMatchingThePublishedSha256IsKept() throws Exception {
        Path target = dir.resolve("weights.h5");
        WeightsDownloader.download(url("/published.h5"), target);
        assertThat(Files.readAllBytes(target)).isEqualTo(BODY);
    }

    @Test
    void aDownloadNotMatchingThePublishedSha256IsRefusedNamingBothHashes() throws Exception {
        Path target = dir.resolve("weights.h5");
        assertThatThrownBy(() -> WeightsDownloader.download(url("/redirect.h5"), target))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("the download's SHA-256 is " + Sha256Of.bytes(BODY))
                .hasMessageContaining("the server publishes " + "0".repeat(64));
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing is left in place").isEmpty();
        }
    }

    /** SHA-256 of bytes in memory, in hex. */
    private static final class Sha256Of {
        static String bytes(byte[] data) {
            try {
                return java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(data));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void saysWhereToPutTheFileWhenTheServerAnswersAnError() {
        Path target = dir.resolve("weights.h5");
        assertThatThrownBy(() -> WeightsDownloader.download(url("/missing.h5"), target))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("put it at " + target.toAbsolutePath());
        assertThat(target).doesNotExist();
    }

    @Test
    void saysWhereToPutTheFileWhenOffline() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path target = dir.resolve("weights.h5");
        assertThatThrownBy(() ->
                        WeightsDownloader.download(URI.create("http://127.0.0.1:" + closedPort + "/w.h5"), target))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Could not download")
                .hasMessageContaining(target.toAbsolutePath().toString());
        assertThat(target).doesNotExist();
    }

    @Test
    void neverLeavesATruncatedDownloadInPlace() throws Exception {
        Path target = dir.resolve("weights.h5");
        assertThatThrownBy(() -> WeightsDownloader.download(url("/cut.h5"), target))
                .isInstanceOf(ModelException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
