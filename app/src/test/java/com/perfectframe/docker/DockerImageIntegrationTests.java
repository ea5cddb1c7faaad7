package com.perfectframe.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import tools.jackson.databind.JsonNode;

/**
 * Runs jobs through the image's REST API on folders bind-mounted from the host, as docker-compose.yaml does, owned
 * by whoever runs the tests (no permissions opened up for the container: its entrypoint adopts their owner). The
 * scoring test is the proof that the image's native libraries (FFmpeg, OpenCV, TensorFlow: stripped, shipped once)
 * still decode a video and score its frames. Skipped where no Docker engine is reachable.
 */
class DockerImageIntegrationTests {

    private Path root;
    private Path input;
    private Path output;
    private Path models;

    @BeforeEach
    void dockerFfmpegAndFolders(@TempDir Path host) throws IOException {
        // In each test rather than @BeforeAll, so that every test is reported as skipped, with the reason.
        DockerTestImage.assumeDockerAndFfmpeg();
        root = host;
        input = Files.createDirectory(host.resolve("input_directory"));
        output = Files.createDirectory(host.resolve("output_directory"));
        models = Files.createDirectory(host.resolve("models"));
    }

    @Test
    void extractsAllFramesOfAVideoInTheMountedFolder() throws Exception {
        TestVideos.h264(input.resolve("clip.mp4"), 90, 30, 30, 0); // 3 s: samples at 0, 1 and 2 s

        try (ComposeLikeService service = new ComposeLikeService(root).start()) {
            // No folders named: the image's defaults (/app/input_directory, /app/output_directory) apply.
            HttpResponse<String> started = service.postBestFrames("{\"all_frames\": true}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

            JsonNode job = service.awaitLastJob();
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

        try (ComposeLikeService service = new ComposeLikeService(root).start()) {
            HttpResponse<String> started = service.postBestFrames("{\"all_frames\": false}");
            assumeTrue(started.statusCode() != 501, () -> "scoring is not available in this build: " + started.body());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

            JsonNode job = service.awaitLastJob();
            assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.path("pictures_written").asInt()).isEqualTo(2);
        }
        assertThat(jpegs(output)).hasSize(2);
        assertThat(Files.readAllLines(output.resolve("manifest.csv"))).hasSize(3); // header + 2 scored rows
        assertThat(input.resolve("frames_extracted_clip.mp4")).exists();
    }

    /** Runs the image's {@code model synthesize}, or skips the test where the image's CLI lacks it. */
    @SuppressWarnings("deprecation")
    private void synthesizeWeights(Path file) {
        assumeTrue(
                imageHasCommand("model"),
                "the image's CLI has no 'model' command yet, so no synthetic weights can be made for it");
        // On failure Testcontainers logs the container's output and throws.
        try (GenericContainer<?> synthesize = new GenericContainer<>(DockerTestImage.get())
                .withFileSystemBind(models.toString(), "/app/models", BindMode.READ_WRITE)
                .withCommand("model", "synthesize", "--seed", "1", "-o", "/app/models/" + file.getFileName())
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(5)))) {
            synthesize.start();
        }
        assertThat(file).isRegularFile();
    }

    /** Whether the image's {@code help} lists the command (picocli indents command names by two spaces). */
    private boolean imageHasCommand(String command) {
        try (GenericContainer<?> help = new GenericContainer<>(DockerTestImage.get())
                .withCommand("help")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(1)))) {
            help.start();
            return Pattern.compile("(?m)^  " + command + "\\s")
                    .matcher(help.getLogs())
                    .find();
        }
    }

    private static List<Path> jpegs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jpg"))
                    .toList();
        }
    }
}
