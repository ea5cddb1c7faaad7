package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.perfectframe.extract.Confinement;
import com.perfectframe.testing.TestVideos;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The service never follows a symbolic link out of {@code perfectframe.allowed-roots} while a job runs: videos and
 * outputs (a requested folder that is such a link is refused in {@link ExtractorsControllerTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SymbolicLinkApiTests {

    @TempDir
    static Path root;

    /** Another user's folder: outside the allowed roots. */
    @TempDir
    static Path elsewhere;

    @LocalServerPort
    int port;

    ApiClient api;
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private JsonNode lastJobWhenIdle() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode status = json.readTree(api.get("/").body());
                    JsonNode last = status.get("last_job");
                    return status.get("active_extractor").isNull() && last != null && !last.isNull();
                });
        try {
            return json.readTree(api.get("/").body()).get("last_job");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aVideoLinkingOutsideTheRootsIsNamedAndSkippedNotReadNorRenamed() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path input = Files.createDirectories(root.resolve("videos-in"));
        Path output = root.resolve("videos-out");
        TestVideos.h264(input.resolve("clip.mp4"), 100, 25, 25, 2);
        Path secret = TestVideos.h264(elsewhere.resolve("secret.mp4"), 250, 25, 25, 2);
        Path link = Files.createSymbolicLink(input.resolve("outside.mp4"), secret);

        HttpResponse<String> started = api.post(
                "/extractors/best_frames_extractor",
                "{\"input_directory\": \"" + input + "\", \"output_directory\": \"" + output
                        + "\", \"all_frames\": true}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode last = lastJobWhenIdle();

        assertThat(last.get("state").asString()).as(last.toString()).isEqualTo("succeeded");
        assertThat(last.get("notes")).hasSize(1);
        assertThat(last.get("notes").get(0).get("file").asString()).isEqualTo("outside.mp4");
        assertThat(last.get("notes").get(0).get("note").asString()).isEqualTo(Confinement.OUTSIDE_NOTE);
        // Only the allowed video's four 1-second samples; none of the outside video's ten.
        assertThat(last.get("pictures_written").asInt()).isEqualTo(4);
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jpg")))
                    .hasSize(4)
                    .allMatch(f -> f.startsWith("clip_"));
        }
        assertThat(Files.readString(output.resolve("manifest.csv")))
                .contains("clip.mp4")
                .doesNotContain("outside")
                .doesNotContain("secret");
        assertThat(link).as("the link is not renamed as processed").isSymbolicLink();
        assertThat(input.resolve("frames_extracted_clip.mp4")).exists();
        assertThat(secret).exists();
    }

    @Test
    void anOutputManifestLinkingOutsideIsNeverWrittenThrough() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path input = Files.createDirectories(root.resolve("manifest-in"));
        Path output = Files.createDirectories(root.resolve("manifest-out"));
        TestVideos.h264(input.resolve("clip.mp4"), 50, 25, 25, 2);
        Path victim = Files.writeString(elsewhere.resolve("victim.csv"), "someone else's file\n");
        Files.createSymbolicLink(output.resolve("manifest.csv"), victim);

        assertThat(api.post(
                                "/extractors/best_frames_extractor",
                                "{\"input_directory\": \"" + input + "\", \"output_directory\": \"" + output
                                        + "\", \"all_frames\": true}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode last = lastJobWhenIdle();

        assertThat(victim).hasContent("someone else's file");
        assertThat(last.get("state").asString()).as(last.toString()).isEqualTo("failed");
        assertThat(last.get("error").asString()).contains("manifest.csv").contains("symbolic link");
    }
}
