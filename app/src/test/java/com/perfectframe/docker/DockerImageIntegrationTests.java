package com.perfectframe.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the image from the repository's Dockerfile (CPU variant) and runs jobs through its REST API on folders
 * bind-mounted from the host, as docker-compose.yaml does. Skipped where no Docker engine is reachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one image, built at first use, for both tests
class DockerImageIntegrationTests {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Kept after the run (deleteOnExit false), so that later runs reuse its layers. */
    private final ImageFromDockerfile image = new ImageFromDockerfile("perfectframe-test", false)
            .withDockerfile(PROJECT.resolve("Dockerfile"))
            // The Dockerfile's default, passed explicitly so that Testcontainers can pre-pull it.
            .withBuildArg("RUNTIME_IMAGE", dockerfileDefault("RUNTIME_IMAGE"));

    private Path input;
    private Path output;
    private Path models;

    @BeforeEach
    void dockerFfmpegAndFolders(@TempDir Path host) throws IOException {
        // In each test rather than @BeforeAll, so that every test is reported as skipped, with the reason.
        // Answers in about half a second where there is no engine (Testcontainers logs what it tried), then cached.
        assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable (see Testcontainers' log above): the Docker image tests need one");
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        input = shared(host, "input_directory");
        output = shared(host, "output_directory");
        models = shared(host, "models");
    }

    @Test
    void extractsAllFramesOfAVideoInTheMountedFolder() throws Exception {
        TestVideos.h264(input.resolve("clip.mp4"), 90, 30, 30, 0); // 3 s: samples at 0, 1 and 2 s

        try (GenericContainer<?> service = service()) {
            service.start();
            // No folders named: the image's defaults (/app/input_directory, /app/output_directory) apply.
            HttpResponse<String> started = post(service, "{\"all_frames\": true}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

            JsonNode job = awaitLastJob(service);
            assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.path("pictures_written").asInt()).isEqualTo(3);
        }
        assertThat(jpegs(output))
                .hasSize(3)
                .allSatisfy(file -> assertThat(Files.size(file)).isPositive());
        assertThat(output.resolve("manifest.csv")).exists();
        try (Stream<Path> files = Files.list(input)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("frames_extracted_clip.mp4");
        }
    }

    @Test
    void scoresFramesWithSyntheticWeightsInTheModelsFolder() throws Exception {
        synthesizeWeights(models.resolve("weights.h5"));
        TestVideos.h264(input.resolve("clip.mp4"), 180, 30, 30, 0); // 6 s: 6 samples, groups of 5

        try (GenericContainer<?> service = service()) {
            service.start();
            HttpResponse<String> started = post(service, "{\"all_frames\": false}");
            assumeTrue(started.statusCode() != 501, () -> "scoring is not available in this build: " + started.body());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

            JsonNode job = awaitLastJob(service);
            assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.path("pictures_written").asInt()).isEqualTo(2);
        }
        assertThat(jpegs(output)).hasSize(2);
        assertThat(Files.readAllLines(output.resolve("manifest.csv"))).hasSize(3); // header + 2 scored rows
        assertThat(input.resolve("frames_extracted_clip.mp4")).exists();
    }

    /**
     * The service as docker-compose.yaml runs it: the three folders bind-mounted, healthy by the image's own
     * HEALTHCHECK. Bind mounts (deprecated by Testcontainers, which prefers copying files in) are what users get
     * from compose, and what shows whether the container's user can write and rename in a host folder.
     */
    @SuppressWarnings("deprecation")
    private GenericContainer<?> service() {
        return new GenericContainer<>(image)
                .withExposedPorts(8100)
                .withFileSystemBind(input.toString(), "/app/input_directory", BindMode.READ_WRITE)
                .withFileSystemBind(output.toString(), "/app/output_directory", BindMode.READ_WRITE)
                .withFileSystemBind(models.toString(), "/app/models", BindMode.READ_WRITE)
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(3)));
    }

    /** Runs the image's {@code model synthesize}, or skips the test where the image's CLI lacks it. */
    @SuppressWarnings("deprecation")
    private void synthesizeWeights(Path file) {
        assumeTrue(
                imageHasCommand("model"),
                "the image's CLI has no 'model' command yet, so no synthetic weights can be made for it");
        // On failure Testcontainers logs the container's output and throws.
        try (GenericContainer<?> synthesize = new GenericContainer<>(image)
                .withFileSystemBind(models.toString(), "/app/models", BindMode.READ_WRITE)
                .withCommand("model", "synthesize", "--seed", "1", "-o", "/app/models/" + file.getFileName())
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(5)))) {
            synthesize.start();
        }
        assertThat(file).isRegularFile();
    }

    /** Whether the image's {@code help} lists the command (picocli indents command names by two spaces). */
    private boolean imageHasCommand(String command) {
        try (GenericContainer<?> help = new GenericContainer<>(image)
                .withCommand("help")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(1)))) {
            help.start();
            return Pattern.compile("(?m)^  " + command + "\\s")
                    .matcher(help.getLogs())
                    .find();
        }
    }

    private HttpResponse<String> post(GenericContainer<?> service, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(service, "/extractors/best_frames_extractor"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code GET /} until no job runs, and returns the finished job. */
    private JsonNode awaitLastJob(GenericContainer<?> service) {
        JsonNode[] status = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    HttpRequest request = HttpRequest.newBuilder(uri(service, "/"))
                            .timeout(Duration.ofSeconds(20))
                            .build();
                    status[0] = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString())
                            .body());
                    return status[0].path("active_extractor").isNull()
                            && status[0].path("last_job").isObject();
                });
        return status[0].path("last_job");
    }

    private static URI uri(GenericContainer<?> service, String path) {
        return URI.create("http://" + service.getHost() + ":" + service.getMappedPort(8100) + path);
    }

    /** A host folder the container's non-root user (uid 1000, not necessarily ours) can write into. */
    private static Path shared(Path host, String name) throws IOException {
        Path dir = Files.createDirectory(host.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    private static List<Path> jpegs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jpg"))
                    .toList();
        }
    }

    private static String dockerfileDefault(String arg) {
        String dockerfile;
        try {
            dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m =
                Pattern.compile("^ARG " + arg + "=(\\S+)$", Pattern.MULTILINE).matcher(dockerfile);
        if (!m.find()) {
            throw new IllegalStateException("The Dockerfile has no default for ARG " + arg);
        }
        return m.group(1);
    }
}
