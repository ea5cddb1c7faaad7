package com.perfectframe.docker;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The service as docker-compose.yaml runs it: the image's default command and settings, the three folders
 * bind-mounted from the host, port 8100 published, healthy by the image's own HEALTHCHECK. Bind mounts (deprecated
 * by Testcontainers, which prefers copying files in) are what users get from compose, and what shows whether the
 * container's user can write and rename in a host folder.
 */
final class ComposeLikeService implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final GenericContainer<?> container;

    /** {@code root} holds input_directory, output_directory and models. */
    @SuppressWarnings({"deprecation", "resource"})
    ComposeLikeService(Path root) {
        container = new GenericContainer<>(DockerTestImage.get())
                .withExposedPorts(8100)
                .withFileSystemBind(
                        root.resolve("input_directory").toString(), "/app/input_directory", BindMode.READ_WRITE)
                .withFileSystemBind(
                        root.resolve("output_directory").toString(), "/app/output_directory", BindMode.READ_WRITE)
                .withFileSystemBind(root.resolve("models").toString(), "/app/models", BindMode.READ_WRITE)
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(3)));
    }

    ComposeLikeService start() {
        container.start();
        return this;
    }

    HttpResponse<String> postBestFrames(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/extractors/best_frames_extractor"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /}. */
    JsonNode status() throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(20)).build();
        return json.readTree(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Polls {@code GET /} until no job runs, and returns the finished job. */
    JsonNode awaitLastJob() {
        JsonNode[] status = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    status[0] = status();
                    return status[0].path("active_extractor").isNull()
                            && status[0].path("last_job").isObject();
                });
        return status[0].path("last_job");
    }

    private URI uri(String path) {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(8100) + path);
    }

    @Override
    public void close() {
        container.close();
    }
}
