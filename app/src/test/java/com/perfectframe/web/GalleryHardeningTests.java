package com.perfectframe.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.access.BodyLimit;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.testing.SyntheticModel;
import com.perfectframe.testing.TestImages;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Manifests and requests the gallery used to fail on, against a real server on loopback: a manifest of a million and
 * one rows, a selection of thousands of pictures, {@code samples.csv} behind a link, scores that are not numbers,
 * bytes that are not UTF-8, backslashes in names, a folder named in another script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GalleryHardeningTests {

    private static final String HEADER = "file,source,timestamp,frame_number,score,model\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    @TempDir
    static Path outside;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("odd").toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    @BeforeAll
    static void folders() throws Exception {
        // A million and one rows, one of them a real picture near the end.
        Path huge = Files.createDirectories(root.resolve("huge"));
        try (BufferedWriter out = Files.newBufferedWriter(huge.resolve(Manifest.FILE_NAME))) {
            out.write(HEADER);
            for (int i = 0; i <= 1_000_000; i++) {
                out.write("p" + i + ".jpg,v" + (i % 7) + ".mp4,00-00-01.000,25," + (i % 1000) / 100.0 + ",m\n");
            }
        }
        TestImages.write(huge.resolve("p999998.jpg"), 3);
        // Odd rows: scores that are not numbers, a byte that is not UTF-8, a backslash in a name, a linked samples.csv.
        Path odd = Files.createDirectories(root.resolve("odd"));
        for (String name : List.of("nan.jpg", "inf.jpg", "back\\slash.jpg", "fine.jpg")) {
            TestImages.write(odd.resolve(name), 1);
        }
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        manifest.write((HEADER
                        + "nan.jpg,v.mp4,00-00-01.000,25,NaN,m\n"
                        + "inf.jpg,v.mp4,00-00-02.000,50,Infinity,m\n"
                        + "back\\slash.jpg,v.mp4,00-00-03.000,75,6.5,m\n")
                .getBytes(StandardCharsets.UTF_8));
        manifest.write(
                new byte[] {'b', 'a', 'd', (byte) 0xff, '.', 'j', 'p', 'g', ',', 'v', ',', ',', ',', '1', ',', 'm', '\n'
                });
        manifest.write("fine.jpg,v.mp4,00-00-04.000,100,-Infinity,m\n".getBytes(StandardCharsets.UTF_8));
        Files.write(odd.resolve(Manifest.FILE_NAME), manifest.toByteArray());
        Path secret = Files.writeString(
                outside.resolve("samples.csv"),
                "video,timestamp,frame_number,score,a,b,c,d,e,verdict\nSECRET.mp4,00-00-01.000,25,9.9,,,,,,kept\n");
        Files.createSymbolicLink(odd.resolve("samples.csv"), secret);
        // A folder named in Japanese.
        Path japanese = Files.createDirectories(root.resolve("日本"));
        TestImages.write(japanese.resolve("a.jpg"), 2);
        Files.writeString(japanese.resolve(Manifest.FILE_NAME), HEADER + "a.jpg,v.mp4,00-00-01.000,25,5,m\n");
        // Thousands of pictures for one zip.
        Path many = Files.createDirectories(root.resolve("many"));
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) {
            String name = "clip_00-00-" + String.format("%05d", i) + ".000.jpg";
            Files.write(many.resolve(name), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) i});
            rows.append(name).append(",clip.mp4,00-00-01.000,25,5,m\n");
        }
        Files.writeString(many.resolve(Manifest.FILE_NAME), rows);
    }

    private String url(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + port + path);
        String separator = "?";
        for (Map.Entry<String, String> entry : query.entrySet()) {
            url.append(separator)
                    .append(entry.getKey())
                    .append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return url.toString();
    }

    private HttpResponse<String> get(String path, Map<String, String> query) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path, query)))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> post(String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gallery/zip"))
                        .header("Content-Type", contentType)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String folder(String name) {
        return root.resolve(name).toString();
    }

    @Test
    void aMillionRowManifestIsPagedAndItsPicturesLookedUpWithoutReadingItAgain() throws Exception {
        HttpResponse<String> first = get("/gallery", Map.of("folder", folder("huge"), "limit", "5", "order", "time"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(first.body());
        assertThat(page.get("total").asInt()).isEqualTo(1_000_000);
        assertThat(page.get("truncated").asBoolean()).isTrue();
        assertThat(page.get("missing").asInt()).isEqualTo(5);
        assertThat(page.get("pictures")).isEmpty();
        HttpResponse<String> best =
                get("/gallery", Map.of("folder", folder("huge"), "limit", "1000", "offset", "999000", "order", "time"));
        JsonNode last = JSON.readTree(best.body());
        assertThat(last.get("pictures")).hasSize(1);
        assertThat(last.get("pictures").get(0).get("file").asString()).isEqualTo("p999998.jpg");
        assertThat(last.get("missing").asInt()).isEqualTo(999);
        assertThat(get("/gallery", Map.of("folder", folder("huge"), "limit", "1001"))
                        .statusCode())
                .isEqualTo(400);
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> picture =
                    get("/gallery/picture", Map.of("folder", folder("huge"), "file", "p999998.jpg"));
            assertThat(picture.statusCode()).isEqualTo(200);
            assertThat(get("/gallery/picture", Map.of("folder", folder("huge"), "file", "p1000000.jpg"))
                            .statusCode())
                    .as("the row after the millionth is not read")
                    .isEqualTo(404);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("40 look-ups in a million rows, the manifest read once")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void pagesInScoreOrderAndSeesAManifestThatGrew() throws Exception {
        Path folder = Files.createDirectories(root.resolve("growing"));
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 10; i++) {
            TestImages.write(folder.resolve("p" + i + ".jpg"), i + 1);
            rows.append("p")
                    .append(i)
                    .append(".jpg,v.mp4,00-00-0")
                    .append(i)
                    .append(".000,")
                    .append(i * 25);
            rows.append(',').append(i == 4 ? "" : String.valueOf((i * 7) % 10)).append(",m\n");
        }
        Files.writeString(folder.resolve(Manifest.FILE_NAME), rows);
        List<String> order = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 4) {
            JsonNode page = JSON.readTree(get(
                            "/gallery",
                            Map.of(
                                    "folder",
                                    folder.toString(),
                                    "limit",
                                    "4",
                                    "offset",
                                    String.valueOf(offset),
                                    "order",
                                    "score"))
                    .body());
            page.get("pictures").forEach(p -> order.add(p.get("file").asString()));
        }
        // Scores 0, 7, 4, 1, (none), 5, 2, 9, 6, 3: best first, the unscored last.
        assertThat(order)
                .containsExactly(
                        "p7.jpg", "p1.jpg", "p8.jpg", "p5.jpg", "p2.jpg", "p9.jpg", "p6.jpg", "p3.jpg", "p0.jpg",
                        "p4.jpg");
        TestImages.write(folder.resolve("p10.jpg"), 11);
        Files.writeString(
                folder.resolve(Manifest.FILE_NAME),
                "p10.jpg,v.mp4,00-00-10.000,250,9.5,m\np1.jpg,v.mp4,00-00-01.000,25,0.5,m\n",
                StandardOpenOption.APPEND);
        JsonNode grown =
                JSON.readTree(get("/gallery", Map.of("folder", folder.toString(), "limit", "2", "order", "score"))
                        .body());
        assertThat(grown.get("total").asInt())
                .as("p1 listed again: the last row wins")
                .isEqualTo(11);
        assertThat(grown.get("pictures").get(0).get("file").asString()).isEqualTo("p10.jpg");
        assertThat(grown.get("pictures").get(1).get("file").asString()).isEqualTo("p7.jpg");
    }

    @Test
    void oddRowsAreReadOrSkippedNeverA500() throws Exception {
        HttpResponse<String> response = get("/gallery", Map.of("folder", folder("odd")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode gallery = JSON.readTree(response.body());
        List<String> files = new ArrayList<>();
        gallery.get("pictures").forEach(p -> files.add(p.get("file").asString()));
        assertThat(files).containsExactly("nan.jpg", "inf.jpg", "back\\slash.jpg", "fine.jpg");
        gallery.get("pictures").forEach(p -> {
            if (!p.get("file").asString().startsWith("back")) {
                assertThat(p.get("score").isNull()).as(p.toString()).isTrue();
            }
        });
        assertThat(gallery.get("pictures").get(2).get("score").asDouble()).isEqualTo(6.5);
        assertThat(gallery.get("unreadable").asInt()).isEqualTo(1);
        assertThat(gallery.get("missing").asInt()).isZero();
        assertThat(get("/gallery/picture", Map.of("folder", folder("odd"), "file", "back\\slash.jpg"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void samplesBehindALinkAreNotServed() throws Exception {
        HttpResponse<String> samples = get("/gallery/samples", Map.of("folder", folder("odd")));
        assertThat(samples.statusCode()).isEqualTo(404);
        assertThat(samples.body()).doesNotContain("SECRET").contains("samples.csv");
    }

    @Test
    void aZipOfAFolderNamedInAnotherScriptKeepsItsNameWithAnAsciiFallback() throws Exception {
        String selection = JSON.writeValueAsString(Map.of("folder", folder("日本"), "files", List.of("a.jpg")));
        HttpResponse<byte[]> zip = post("application/json", selection);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"__-pictures.zip\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC-pictures.zip");
        assertThat(GalleryControllerTests.zipEntries(zip.body())).containsExactly("a.jpg");
    }

    @Test
    void selectingThousandsOfPicturesDownloadsThemAllAndTooManyIs413WithAMessage() throws Exception {
        List<String> names = IntStream.range(0, 3000)
                .mapToObj(i -> "clip_00-00-" + String.format("%05d", i) + ".000.jpg")
                .toList();
        String selection = JSON.writeValueAsString(Map.of("folder", folder("many"), "files", names));
        HttpResponse<byte[]> form = post(
                "application/x-www-form-urlencoded",
                "selection=" + URLEncoder.encode(selection, StandardCharsets.UTF_8));
        assertThat(form.statusCode())
                .as(new String(form.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(GalleryControllerTests.zipEntries(form.body())).containsExactlyElementsOf(names);
        HttpResponse<byte[]> json = post("application/json", selection);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(GalleryControllerTests.zipEntries(json.body())).hasSize(3000);

        List<String> tooMany = IntStream.range(0, BodyLimit.MAX_SELECTION_BODY / 20)
                .mapToObj(i -> "clip_00-00-" + String.format("%05d", i) + ".000.jpg")
                .toList();
        String large = JSON.writeValueAsString(Map.of("folder", folder("many"), "files", tooMany));
        for (HttpResponse<byte[]> refused : List.of(
                post("application/json", large),
                post(
                        "application/x-www-form-urlencoded",
                        "selection=" + URLEncoder.encode(large, StandardCharsets.UTF_8)))) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                    .contains("\"error\"")
                    .contains("1024 KB")
                    .contains("Select fewer pictures");
        }
        // The old form, one parameter a name, past Tomcat's parameter limit: a JSON 4xx naming what to send.
        StringBuilder old = new StringBuilder("folder=" + URLEncoder.encode(folder("many"), StandardCharsets.UTF_8));
        names.forEach(n -> old.append("&file=").append(n));
        HttpResponse<byte[]> legacy = post("application/x-www-form-urlencoded", old.toString());
        assertThat(legacy.statusCode()).isEqualTo(413);
        assertThat(new String(legacy.body(), StandardCharsets.UTF_8))
                .contains("\"error\"")
                .contains("selection");
    }
}
