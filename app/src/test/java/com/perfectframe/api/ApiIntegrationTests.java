package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.limits.Range;
import com.perfectframe.testing.ExifTool;
import com.perfectframe.testing.SyntheticModel;
import com.perfectframe.testing.TestVideos;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The REST service over a real port: the OpenAPI description and Swagger UI, JSON for unknown paths, health, and jobs
 * that run, are cancelled or fail. What the extractor routes refuse before a job starts is tested in a web slice
 * ({@link ExtractorsControllerTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIntegrationTests {

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    ApiClient api;
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(response.body()).contains("\"error\"").contains(detailPart);
    }

    /** The OpenAPI description gives every numeric field of the body the range the service checks. */
    @Test
    void theOpenApiDescriptionShowsTheRangesTheServiceChecks() throws Exception {
        JsonNode properties = body(api.get("/v3/api-docs"))
                .path("components")
                .path("schemas")
                .path("ExtractorRequestBody")
                .path("properties");
        assertThat(properties.path("compering_group_size").path("minimum").decimalValue())
                .isEqualByComparingTo(ExtractionRequest.BestFrames.GROUP_SIZE.minimum());
        assertThat(properties.path("compering_group_size").path("maximum").decimalValue())
                .isEqualByComparingTo(ExtractionRequest.BestFrames.GROUP_SIZE.maximum());
        for (RequestLimits.Limit limit : RequestLimits.LIMITS) {
            JsonNode property = properties.path(limit.field());
            Range range = limit.range();
            assertThat(property.isObject()).as(limit.field()).isTrue();
            JsonNode min = range.minExclusive() ? property.path("exclusiveMinimum") : property.path("minimum");
            assertThat(min.decimalValue()).as(limit.field()).isEqualByComparingTo(range.minimum());
            if (range.bounded()) {
                JsonNode max = range.maxExclusive() ? property.path("exclusiveMaximum") : property.path("maximum");
                assertThat(max.decimalValue()).as(limit.field()).isEqualByComparingTo(range.maximum());
            } else {
                assertThat(property.has("maximum")).as(limit.field()).isFalse();
            }
        }
        assertThat(properties.path("sharpness_ratio").has("minimum")).isFalse();
        assertThat(properties.has("group_size")).isFalse();
    }

    @Test
    void theJsonApiIsDescribedByOpenApiWithSwaggerUiServedOffline() throws Exception {
        HttpResponse<String> docs = api.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"openapi\"")
                .contains("/extractors/{extractorName}")
                .contains("quality_gate")
                .doesNotContain("/gallery");
        HttpResponse<String> ui = api.get("/swagger-ui/index.html", "text/html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void unknownPathsAnswerJsonEvenToBrowsers() throws Exception {
        HttpResponse<String> response = api.get("/no/such/page", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<html").contains("\"error\"");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = api.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    @Test
    void runsAFramesExtractionJobAndReportsItsOutcome() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path input = Files.createDirectories(root.resolve("job-in"));
        Path output = root.resolve("job-out");
        TestVideos.h264(input.resolve("clip.mp4"), 100, 25, 25, 2);
        Files.writeString(input.resolve("broken.mp4"), "garbage");
        String request = "{\"input_directory\": \"" + input + "\", \"output_directory\": \"" + output
                + "\", \"all_frames\": true}";
        HttpResponse<String> started = api.post("/v2/extractors/best_frames_extractor", request);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(body(started).get("message").asString()).isEqualTo("'best_frames_extractor' started.");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode status = body(api.get("/"));
                    JsonNode last = status.get("last_job");
                    return status.get("active_extractor").isNull()
                            && last != null
                            && !last.isNull()
                            && "best_frames_extractor"
                                    .equals(last.get("extractor").asString());
                });
        JsonNode last = body(api.get("/")).get("last_job");
        assertThat(last.get("state").asString()).isEqualTo("succeeded");
        assertThat(last.get("pictures_written").asInt()).isEqualTo(4);
        assertThat(last.get("errors").get(0).get("file").asString()).isEqualTo("broken.mp4");
        assertThat(input.resolve("frames_extracted_clip.mp4")).exists();
        assertThat(output.resolve("clip_00-00-03.000.jpg")).exists();
    }

    @Test
    void recursiveAndStripLocationReachTheJob() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Assumptions.assumeTrue(ExifTool.available(), ExifTool.MISSING);
        Path input = Files.createDirectories(root.resolve("nested-in/2023/06"));
        Path output = root.resolve("nested-out");
        TestVideos.codes(
                input.resolve("clip.mov"),
                4,
                "2",
                List.of(
                        "-c:v",
                        "libx264",
                        "-pix_fmt",
                        "yuv420p",
                        "-metadata",
                        "com.apple.quicktime.creationdate=2023-06-01T14:30:00+0200",
                        "-metadata",
                        "com.apple.quicktime.location.ISO6709=+48.8584+002.2945/",
                        "-movflags",
                        "use_metadata_tags"));
        String request = "{\"input_directory\": \"" + root.resolve("nested-in") + "\", \"output_directory\": \""
                + output + "\", \"all_frames\": true, \"recursive\": true, \"strip_location\": true}";
        assertThat(api.post("/extractors/best_frames_extractor", request).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(input.resolve("frames_extracted_clip.mov")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> body(api.get("/")).get("active_extractor").isNull());

        Path picture = output.resolve("2023/06/clip_00-00-01.000.jpg");
        Map<String, String> tags = ExifTool.tags(picture);
        assertThat(tags).containsEntry("ExifIFD:OffsetTimeOriginal", "+02:00");
        assertThat(tags.keySet()).noneMatch(key -> key.contains("GPS"));
        assertThat(Files.readString(output.resolve("manifest.csv")))
                .contains("2023/06/clip_00-00-01.000.jpg,2023/06/clip.mov,00-00-01.000,");
    }

    @Test
    void aRunningJobCanBeCancelledAndTheSlotIsFreeAgain() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        assertJsonError(api.delete("/extractors/current"), 404, "No job is running");
        Path input = Files.createDirectories(root.resolve("cancel-in"));
        Path output = root.resolve("cancel-out");
        TestVideos.h264(input.resolve("long.mp4"), 25 * 120, 25, 25, 0);
        String request = "{\"input_directory\": \"" + input + "\", \"output_directory\": \"" + output + "\"}";
        assertThat(api.post("/extractors/best_frames_extractor", request).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode job = body(api.get("/")).get("job");
                    return job != null
                            && !job.isNull()
                            && job.get("samples_done").asInt() > 0;
                });

        HttpResponse<String> cancelled = api.delete("/extractors/current");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(body(cancelled).get("message").asString()).isEqualTo("'best_frames_extractor' cancelled.");
        JsonNode status = body(api.get("/"));
        assertThat(status.get("active_extractor").isNull()).isTrue();
        assertThat(status.get("last_job").get("state").asString()).isEqualTo("cancelled");
        assertThat(input.resolve("long.mp4"))
                .as("the video in progress is not renamed")
                .exists();
        if (Files.isDirectory(output)) {
            try (var files = Files.list(output)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("no temporary file remains")
                        .allMatch(
                                f -> f.endsWith(".jpg") || f.equals("manifest.csv") || f.equals(".perfectframe.lock"));
            }
        }
        // The slot is free: the next job starts at once (and is cancelled in turn).
        assertThat(api.post("/extractors/best_frames_extractor", request).statusCode())
                .isEqualTo(200);
        assertThat(api.delete("/extractors/current").statusCode()).isEqualTo(200);
    }

    @Test
    void aFolderWithoutVideosShowsAsAFailedJob() throws Exception {
        Path input = Files.createDirectories(root.resolve("empty-in"));
        HttpResponse<String> started = api.post(
                "/extractors/best_frames_extractor", "{\"input_directory\": \"" + input + "\", \"all_frames\": true}");
        assertThat(started.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode last = body(api.get("/")).get("last_job");
            return last != null
                    && !last.isNull()
                    && "failed".equals(last.get("state").asString())
                    && last.get("error").asString().contains("No unprocessed videos");
        });
    }

    @Test
    void runsABestFramesJobWithSyntheticWeights() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path input = Files.createDirectories(root.resolve("score-in"));
        Path output = root.resolve("score-out");
        TestVideos.h264(input.resolve("clip.mp4"), 150, 25, 25, 2);
        HttpResponse<String> started = api.post(
                "/extractors/best_frames_extractor",
                "{\"input_directory\": \"" + input + "\", \"output_directory\": \"" + output
                        + "\", \"compering_group_size\": 3}");
        assertThat(started.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    // Its own job: active until it ends (an earlier test's job may be the last one until then).
                    JsonNode status = body(api.get("/"));
                    JsonNode last = status.get("last_job");
                    return status.get("active_extractor").isNull()
                            && last != null
                            && !last.isNull()
                            && !"running".equals(last.get("state").asString());
                });
        JsonNode last = body(api.get("/")).get("last_job");
        assertThat(last.get("state").asString()).as(last.toString()).isEqualTo("succeeded");
        assertThat(last.get("pictures_written").asInt()).isEqualTo(2);
        assertThat(Files.readAllLines(output.resolve("manifest.csv")).get(1)).endsWith(",synthetic,,");
    }

    @Test
    void aTopImagesJobOnAFolderWithoutImagesFails() throws Exception {
        Path input = Files.createDirectories(root.resolve("no-images"));
        assertThat(api.post("/extractors/top_images_extractor", "{\"input_directory\": \"" + input + "\"}")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode last = body(api.get("/")).get("last_job");
            return last != null
                    && !last.isNull()
                    && "top_images_extractor".equals(last.get("extractor").asString())
                    && last.get("error").asString().contains("No images");
        });
    }
}
