package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.SyntheticModel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile requests, over a real port, answered before any job starts: cross-site posts, invalid or oversized bodies,
 * malformed addresses. No request here may start a job (the input folder has no videos either way).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestHardeningTests {

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    @BeforeAll
    static void folders() throws Exception {
        Files.createDirectories(root.resolve("in"));
        Files.writeString(root.resolve("a-file"), "not a folder");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String... detailParts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(response.body()).contains("\"error\"").contains(detailParts);
    }

    /** A body the request mapper refuses (input folder has no videos, but it never gets that far): 400, not 403. */
    private static final String INVALID = "{\"batch_size\": 0}";

    @Test
    void aPostFromAnotherOriginIsRefused() throws Exception {
        assertJsonError(
                post("/extractors/best_frames_extractor", INVALID, "Origin", "https://evil.example"),
                403,
                "evil.example");
        assertJsonError(
                post("/extractors/best_frames_extractor", INVALID, "Origin", "http://127.0.0.1:" + (port + 1)),
                403,
                "origin");
        assertJsonError(post("/extractors/best_frames_extractor", INVALID, "Origin", "null"), 403, "origin");
        assertJsonError(
                post("/extractors/best_frames_extractor", INVALID, "Sec-Fetch-Site", "cross-site"), 403, "cross-site");
        HttpResponse<String> zip = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/gallery/zip"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("folder=out&file=x.jpg"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertJsonError(zip, 403, "another origin");
    }

    @Test
    void aPostFromTheSameOriginOrWithoutOriginPasses() throws Exception {
        assertJsonError(
                post(
                        "/extractors/best_frames_extractor",
                        INVALID,
                        "Origin",
                        "http://127.0.0.1:" + port,
                        "Sec-Fetch-Site",
                        "same-origin"),
                400,
                "batch_size");
        assertJsonError(post("/extractors/best_frames_extractor", INVALID), 400, "batch_size");
        // GETs are not state-changing: a foreign origin may read nothing new through CORS anyway.
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base() + "/"))
                                        .header("Origin", "https://evil.example")
                                        .header("Accept", "application/json")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void controlCharactersInNamesAre400NamingTheField() throws Exception {
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"processed_video_prefix\": \"done\\u0000_\"}"),
                400,
                "processed_video_prefix",
                "\\\\u0000");
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"output_directory\": \"out\\nx\"}"),
                400,
                "output_directory",
                "out\\\\nx");
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"input_directory\": \"in\\r\"}"), 400, "input_directory");
    }

    @Test
    void aPrefixThatMakesProcessedVideosDotfilesIs400NamingTheField() throws Exception {
        for (String prefix : new String[] {".", "..", ".done_"}) {
            assertJsonError(
                    post("/extractors/best_frames_extractor", "{\"processed_video_prefix\": \"" + prefix + "\"}"),
                    400,
                    "processed_video_prefix",
                    "starts with a dot");
        }
    }

    @Test
    void anOutputDirectoryThatIsAFileIs400() throws Exception {
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"output_directory\": \"" + root.resolve("a-file") + "\"}"),
                400,
                "output_directory",
                "not a folder");
    }

    @Test
    void nullInsideListsIs400() throws Exception {
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"video_extensions\": [\".mp4\", null]}"),
                400,
                "video_extensions");
        assertJsonError(
                post("/extractors/top_images_extractor", "{\"images_extensions\": [null]}"), 400, "images_extensions");
        assertJsonError(
                post("/extractors/top_images_extractor", "{\"target_image_size\": [224, null]}"),
                400,
                "target_image_size");
    }

    @Test
    void fractionalAndOutOfRangeWholeNumbersAre400WithTheRange() throws Exception {
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"batch_size\": 2.5}"),
                400,
                "batch_size",
                "whole number between 1 and 10000");
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"compering_group_size\": 1e12}"),
                400,
                "compering_group_size",
                "whole number between 1 and 10000");
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"top\": 99999999999999}"),
                400,
                "top",
                "whole number between 0 and");
        assertJsonError(
                post("/extractors/best_frames_extractor", "{\"target_image_size\": [224.5, 224]}"),
                400,
                "target_image_size");
    }

    @Test
    void errorsQuoteOnlyAShortExcerptOfAValue() throws Exception {
        String huge = "x".repeat(5000);
        HttpResponse<String> response =
                post("/extractors/best_frames_extractor", "{\"input_directory\": \"/" + huge + "\"}");
        assertThat(response.statusCode()).isIn(400, 403);
        assertThat(response.body()).contains("input_directory").doesNotContain("x".repeat(100));
        HttpResponse<String> unknown = post("/extractors/" + huge, "{}");
        assertJsonError(unknown, 404, "No extractor");
        assertThat(unknown.body()).doesNotContain("x".repeat(100));
        HttpResponse<String> format =
                post("/extractors/best_frames_extractor", "{\"images_output_format\": \"" + huge + "\"}");
        assertJsonError(format, 400, "images_output_format");
        assertThat(format.body()).doesNotContain("x".repeat(250));
    }

    @Test
    void bodiesOver64KbAreRefused() throws Exception {
        String big = "{\"processed_video_prefix\": \"" + "p".repeat(70 * 1024) + "\"}";
        assertJsonError(post("/extractors/best_frames_extractor", big), 413, "64 KB");
        // Without a length (chunked), the body is cut off at the limit while it is read.
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/extractors/best_frames_extractor"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertJsonError(chunked, 413, "64 KB");
    }

    @Test
    void malformedAddressesGetJsonNotHtml() throws Exception {
        for (String target : new String[] {"/%zz", "/gallery%00x", "/a%2f..%2f..%2fetc", "/ui/%c0%ae%c0%ae/"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 4");
            assertThat(answer).as(target).containsIgnoringCase("content-type: application/");
            assertThat(answer).as(target).contains("\"error\"").doesNotContainIgnoringCase("<html");
        }
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
