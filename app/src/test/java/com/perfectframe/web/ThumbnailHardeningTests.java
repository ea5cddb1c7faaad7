package com.perfectframe.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.testing.SyntheticModel;
import com.perfectframe.testing.TestImages;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Thumbnails against a real server on loopback: a cache folder others could write to, with a link planted under the
 * name a picture's thumbnail will have, serves the picture's thumbnail and not the link's target; a picture that would
 * decode beyond {@code max_megapixels} (a 20000×20000 PNG of a few hundred kilobytes) is refused from its header at
 * once, three at a time included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThumbnailHardeningTests {

    private static final String SECRET = "ROOT-ONLY-SECRET";

    @TempDir
    static Path root;

    @TempDir
    static Path scratch;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
        registry.add(
                "perfectframe.thumbnail-cache",
                () -> scratch.resolve("shared-cache").toString());
    }

    @BeforeAll
    static void plant() throws Exception {
        Path out = Files.createDirectories(root.resolve("out"));
        Manifest manifest = new Manifest(out);
        Path picture = TestImages.write(out.resolve("clip_00-00-01.000.jpg"), 1);
        manifest.append(new Manifest.Entry(picture, root.resolve("clip.mp4"), 1.0, 25L, 6.5, "synthetic"));
        Path bomb = PngBomb.write(out.resolve("bomb.png"), 20_000, 20_000);
        assertThat(Files.size(bomb)).isLessThan(1_000_000);
        manifest.append(new Manifest.Entry(bomb, root.resolve("clip.mp4"), 2.0, 50L, 9.5, "synthetic"));
        // Another user of the machine made the cache folder open to all and planted a link where the picture's
        // thumbnail goes.
        Path cache = Files.createDirectory(scratch.resolve("shared-cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path secret = Files.writeString(scratch.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(cache.resolve(Thumbnails.key(picture) + ".jpg"), secret);
    }

    private HttpResponse<byte[]> thumbnail(String file) throws Exception {
        String query = "folder=" + URLEncoder.encode(root.resolve("out").toString(), StandardCharsets.UTF_8) + "&file="
                + URLEncoder.encode(file, StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gallery/thumbnail?" + query))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPlantedLinkInTheCacheIsNeverServed() throws Exception {
        HttpResponse<byte[]> response = thumbnail("clip_00-00-01.000.jpg");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith(0xFF, 0xD8);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
        Path cache = scratch.resolve("shared-cache");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .isEqualTo("rwx------");
        Path entry = cache.resolve(Thumbnails.key(root.resolve("out/clip_00-00-01.000.jpg")) + ".jpg");
        assertThat(Files.isSymbolicLink(entry)).isFalse();
        assertThat(Files.readAllBytes(entry)).isEqualTo(response.body());
        assertThat(Files.readString(scratch.resolve("secret.txt"))).isEqualTo(SECRET);
    }

    @Test
    void aPictureBeyondMaxMegapixelsIsRefusedFromItsHeaderEvenThreeAtOnce() throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return thumbnail("bomb.png");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            HttpResponse<byte[]> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .contains("bomb.png")
                    .contains("400 megapixels")
                    .contains("max_megapixels");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
