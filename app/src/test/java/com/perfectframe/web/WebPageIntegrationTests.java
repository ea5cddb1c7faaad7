package com.perfectframe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.limits.Range;
import com.perfectframe.testing.ExifTool;
import com.perfectframe.testing.SyntheticModel;
import com.perfectframe.testing.TestVideos;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page against the real service on a random port: the JSON contract of {@code GET /} next to the browser
 * redirect, the page's files, traversal through the container's URL handling, and, in a real headless Chromium, a
 * best-frames job started from the form, watched to its end, and browsed (exactly the manifest's pictures with their
 * scores, sorting, the viewer, a zip download). The browser test saves {@code target/gallery.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPageIntegrationTests {

    @TempDir
    static Path root;

    /** Outside the allowed root: the browser's downloads and the thumbnail cache. */
    @TempDir
    static Path scratch;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
        registry.add(
                "perfectframe.thumbnail-cache",
                () -> scratch.resolve("thumbnail-cache").toString());
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRootStillAnswersJsonToClientsAndRedirectsBrowsers() throws Exception {
        for (String accept : new String[] {"application/json", "*/*", null}) {
            HttpResponse<String> response = get("/", accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(accept)
                    .contains("application/json");
            assertThat(response.body()).as(accept).contains("\"active_extractor\"");
        }
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        HttpResponse<String> redirected = get("/", browser);
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.headers().firstValue("Location").orElse("")).endsWith("/ui/");
        assertThat(get("/ui", browser).headers().firstValue("Location").orElse(""))
                .endsWith("/ui/");
        HttpResponse<String> page = get("/ui/", browser);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>PerfectFrame</title>").contains("app.js");
        assertThat(get("/ui/app.js", "*/*").statusCode()).isEqualTo(200);
        assertThat(get("/ui/app.css", "*/*").statusCode()).isEqualTo(200);
        assertThat(get("/v2/status", browser).body()).contains("\"active_extractor\"");
    }

    @Test
    void traversalThroughThePathIsRefusedByEveryRoute() throws Exception {
        Files.writeString(root.resolve("secret.txt"), GalleryFixture.SECRET);
        for (String path : List.of(
                "/ui/../secret.txt",
                "/ui/%2e%2e/secret.txt",
                "/ui/%2e%2e/%2e%2e/application.properties",
                "/ui/..%2f..%2fapplication.properties",
                "/ui/%2e%2e%2fapplication.properties",
                "/ui//etc/passwd",
                "/ui/..\\..\\application.properties".replace("\\", "%5c"),
                "/gallery/picture/..%2f..%2fsecret.txt",
                "/gallery/thumbnail/%2e%2e/secret.txt",
                "/gallery/picture?folder=" + root + "&file=secret.txt",
                "/gallery/picture?folder=" + root + "/out/%2e%2e&file=secret.txt",
                "/gallery/picture?folder=%2fetc&file=passwd",
                "/gallery/thumbnail?folder=" + root + "/%2e%2e/%2e%2e/etc&file=passwd",
                "/application.properties",
                "/../secret.txt")) {
            HttpResponse<String> response = get(path, "*/*");
            // 400 is the container's own refusal of an encoded slash or backslash, before any route runs.
            assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain(GalleryFixture.SECRET)
                    .doesNotContain("spring.application.name")
                    .doesNotContain("root:");
        }
    }

    @Test
    void aBestFramesJobFromTheFormEndsInTheGalleryOfItsManifest() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        Path input = Files.createDirectories(root.resolve("videos"));
        Path output = root.resolve("best");
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=25",
                "-t",
                "10",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                input.resolve("testcard.mp4").toString());
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "mandelbrot=size=640x360:rate=25",
                "-t",
                "8",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                input.resolve("mandelbrot.mp4").toString());
        Path downloads = Files.createDirectories(scratch.resolve("downloads"));
        ChromeDriver browser = Browser.start(downloads);
        try {
            browser.get("http://127.0.0.1:" + port + "/");
            assertThat(browser.getCurrentUrl()).endsWith("/ui/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            // The number fields take the service's own ranges, read from its OpenAPI description.
            Range groupSize = ExtractionRequest.BestFrames.GROUP_SIZE;
            wait.until(d -> groupSize
                    .maximum()
                    .toPlainString()
                    .equals(d.findElement(By.id("compering_group_size")).getAttribute("max")));
            assertThat(browser.findElement(By.id("compering_group_size")).getAttribute("min"))
                    .isEqualTo(groupSize.minimum().toPlainString());
            assertThat(browser.findElement(By.id("top")).getAttribute("max"))
                    .isEqualTo(ExtractionRequest.Curation.TOP.maximum().toPlainString());
            Range shotDrift = ExtractionRequest.Curation.SHOT_DRIFT;
            assertThat(browser.findElement(By.id("shot_drift")).getAttribute("min"))
                    .isEqualTo(shotDrift.minimum().toPlainString());
            assertThat(browser.findElement(By.id("shot_drift")).getAttribute("max"))
                    .isEqualTo(shotDrift.maximum().toPlainString());

            // A mistake first: the error shows next to its field, in words.
            browser.findElement(By.id("input_directory")).sendKeys("/etc");
            browser.findElement(By.id("start")).click();
            wait.until(d ->
                    !d.findElement(By.id("error-input_directory")).getText().isEmpty());
            assertThat(browser.findElement(By.id("error-input_directory")).getText())
                    .contains("outside the folders this service may use");
            browser.findElement(By.id("input_directory")).clear();

            browser.findElement(By.id("input_directory")).sendKeys(input.toString());
            browser.findElement(By.id("output_directory")).sendKeys(output.toString());
            browser.findElement(By.id("compering_group_size")).sendKeys("2");
            browser.findElement(By.id("samples_csv")).click();
            browser.findElement(By.id("start")).click();

            // The state shows the last job's, which may be another test's: this job's manifest says it is this one.
            new WebDriverWait(browser, Duration.ofSeconds(240))
                    .until(d -> Files.isRegularFile(output.resolve(Manifest.FILE_NAME))
                            && d.findElement(By.id("state")).getText().endsWith("succeeded"));
            assertThat(browser.findElement(By.id("error-input_directory")).getText())
                    .isEmpty();
            Map<String, String> manifest = manifest(output);
            assertThat(manifest).hasSize(9); // 5 + 4 groups of two 1-second samples
            assertThat(browser.findElement(By.id("pictures")).getText()).isEqualTo("9");
            assertThat(browser.findElement(By.id("summary")).getText()).contains("9 pictures written");

            // The gallery opens on the job's output folder: exactly the manifest's pictures, with their scores.
            wait.until(d -> d.findElements(By.cssSelector(".tile")).size() == manifest.size());
            Map<String, String> shown = new LinkedHashMap<>();
            for (WebElement tile : browser.findElements(By.cssSelector(".tile"))) {
                shown.put(tile.getAttribute("data-file"), tile.getAttribute("data-score"));
            }
            assertThat(shown).isEqualTo(manifest);
            assertThat(browser.findElements(By.cssSelector(".group"))).hasSize(2);

            // Sorted by score (the default), best first within each video; then by time.
            assertSortedInEachGroup(browser, "data-score", true);
            new Select(browser.findElement(By.id("sort"))).selectByValue("time");
            assertSortedInEachGroup(browser, "data-seconds", false);
            new Select(browser.findElement(By.id("sort"))).selectByValue("score");
            assertSortedInEachGroup(browser, "data-score", true);

            // Thumbnails arrive; the chart of each video is drawn from samples.csv.
            wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("return [...document.querySelectorAll('.thumb img')]"
                            + ".every(i => i.complete && i.naturalWidth > 0)"));
            wait.until(
                    d -> d.findElements(By.cssSelector("svg.chart circle.kept")).size() == manifest.size());

            // Keyboard: the first picture gets focus, the arrow moves on, Enter opens the viewer.
            WebElement first = browser.findElement(By.cssSelector(".tile .thumb"));
            first.sendKeys(Keys.ARROW_RIGHT);
            String focused = browser.switchTo()
                    .activeElement()
                    .findElement(By.xpath(".."))
                    .getAttribute("data-index");
            assertThat(focused).isEqualTo("1");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            wait.until(d -> d.findElement(By.id("viewer")).isDisplayed());
            wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("const i = document.getElementById('viewer-img');"
                            + " return i.complete && i.naturalWidth === 640;"));
            String secondFile =
                    browser.findElements(By.cssSelector(".tile")).get(1).getAttribute("data-file");
            assertThat(browser.findElement(By.id("viewer-caption")).getText()).startsWith(secondFile);
            browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(d -> !d.findElement(By.id("viewer")).isDisplayed());

            // Pick two with the keyboard and the mouse, then take a screenshot and the zip.
            browser.switchTo().activeElement().sendKeys(Keys.SPACE);
            browser.findElements(By.cssSelector(".tile .pick")).get(0).click();
            assertThat(browser.findElement(By.id("selection-count")).getText()).isEqualTo("2 selected");
            screenshot(browser);
            browser.findElement(By.id("select-all")).click();
            browser.findElement(By.id("download")).click();
            Path zip = downloads.resolve("best-pictures.zip");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(zip) && Files.size(zip) > 0);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no zip downloaded; " + downloads + " holds " + listing(downloads), e);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> entries(zip).size() == manifest.size());
            assertThat(entries(zip)).containsExactlyInAnyOrderElementsOf(manifest.keySet());

            // On a phone's width the page reflows: nothing wider than the screen, the pictures still shown.
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            JavascriptExecutor page = browser;
            wait.until(d -> ((Number) page.executeScript("return window.innerWidth;")).intValue() <= 400);
            long overflow = ((Number)
                            page.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                    .longValue();
            assertThat(overflow).as("horizontal overflow on a phone, in pixels").isLessThanOrEqualTo(0);
            assertThat(browser.findElements(By.cssSelector(".tile")).stream().filter(WebElement::isDisplayed))
                    .hasSize(manifest.size());
            Files.write(Path.of("target/web-page-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
        assertThat(input.resolve("frames_extracted_testcard.mp4")).exists();
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))
                            .filter(f -> !f.getFileName().toString().equals(".perfectframe.lock")))
                    .as("the page wrote nothing into the output folder")
                    .isEmpty();
        }
    }

    /**
     * The form's checkboxes reach the job: <em>Include subfolders</em> finds a video two folders down and mirrors
     * them in the output, <em>one picture per shot</em> gives a 10-second still shot one picture (two groups of 5
     * seconds would give two), and <em>no GPS position</em> leaves the video's location out of the picture, which
     * still carries its origin.
     */
    @Test
    void theFormsCheckboxesReachTheJob() throws Exception {
        Assumptions.assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Assumptions.assumeTrue(Browser.available(), Browser.MISSING);
        Assumptions.assumeTrue(ExifTool.available(), ExifTool.MISSING);
        Path input = Files.createDirectories(root.resolve("trips"));
        Path output = root.resolve("trips-best");
        Path video = Files.createDirectories(input.resolve("2024/rome")).resolve("still.mp4");
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=25",
                "-vf",
                "loop=loop=-1:size=1:start=0",
                "-t",
                "10",
                "-metadata",
                "location=+41.8902+012.4922/",
                "-movflags",
                "use_metadata_tags",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                video.toString());
        ChromeDriver browser = Browser.start(Files.createDirectories(scratch.resolve("downloads-checkboxes")));
        try {
            browser.get("http://127.0.0.1:" + port + "/ui/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(
                    d -> !d.findElement(By.id("shot_drift")).getAttribute("max").isEmpty());
            browser.findElement(By.id("input_directory")).clear();
            browser.findElement(By.id("input_directory")).sendKeys(input.toString());
            browser.findElement(By.id("output_directory")).clear();
            browser.findElement(By.id("output_directory")).sendKeys(output.toString());
            browser.findElement(By.id("recursive")).click();
            browser.findElement(By.id("per_shot")).click();
            browser.findElement(By.id("strip_location")).click();
            browser.findElement(By.id("start")).click();
            wait.until(d -> Files.isRegularFile(output.resolve(Manifest.FILE_NAME))
                    && d.findElement(By.id("state")).getText().endsWith("succeeded"));
        } finally {
            browser.quit();
        }
        Path pictures = output.resolve("2024/rome");
        List<Path> written;
        try (Stream<Path> files = Files.list(pictures)) {
            written = files.filter(f -> f.getFileName().toString().endsWith(".jpg"))
                    .toList();
        }
        assertThat(written).hasSize(1);
        assertThat(written.get(0).getFileName().toString()).startsWith("still_");
        assertThat(input.resolve("2024/rome/frames_extracted_still.mp4")).exists();
        Map<String, String> tags = ExifTool.tags(written.get(0));
        assertThat(tags.keySet()).noneMatch(tag -> tag.startsWith("GPS:") || tag.contains("GPSLatitude"));
        assertThat(tags.get("ExifIFD:UserComment")).contains("2024/rome/still.mp4");
    }

    /** Waits (a new order is fetched from the service) until every group is sorted, all pictures shown. */
    private static void assertSortedInEachGroup(WebDriver browser, String attribute, boolean descending) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(AssertionError.class)
                .until(d -> {
                    assertSortedNow(d, attribute, descending);
                    return true;
                });
    }

    private static void assertSortedNow(WebDriver browser, String attribute, boolean descending) {
        assertThat(browser.findElements(By.cssSelector(".tile"))).hasSize(9);
        for (WebElement group : browser.findElements(By.cssSelector(".group"))) {
            List<Double> values = new ArrayList<>();
            for (WebElement tile : group.findElements(By.cssSelector(".tile"))) {
                values.add(Double.parseDouble(tile.getAttribute(attribute)));
            }
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
            assertThat(values).isEqualTo(sorted);
        }
    }

    /** The manifest's file names with their scores as the page writes them (four decimals). */
    private static Map<String, String> manifest(Path output) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (ManifestRow row :
                ManifestReader.read(output.resolve(Manifest.FILE_NAME)).values()) {
            rows.put(row.file(), String.format(java.util.Locale.ROOT, "%.4f", row.score()));
        }
        return rows;
    }

    private static List<String> entries(Path zip) throws IOException {
        try {
            return GalleryControllerTests.zipEntries(Files.readAllBytes(zip));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    private static void screenshot(ChromeDriver browser) throws IOException {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('gallery-panel').scrollIntoView();");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/web-page.png"), browser.getScreenshotAs(OutputType.BYTES));
        Files.write(
                Path.of("target/gallery.png"),
                browser.findElement(By.id("gallery-panel")).getScreenshotAs(OutputType.BYTES));
    }
}
