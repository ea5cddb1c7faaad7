package com.perfectframe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.perfectframe.access.AccessSettings;
import com.perfectframe.config.PerfectFrameProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The gallery's routes in a web slice: what they list and serve, and that no traversal ({@code ..}, encoded {@code
 * %2e%2e}, absolute paths, symbolic links, an edited manifest) on any file-serving route gets anything but 403 or 404.
 */
@WebMvcTest(controllers = {GalleryController.class, FoldersController.class})
@Import({Thumbnails.class, ManifestIndexes.class, GalleryControllerTests.Settings.class})
@EnableConfigurationProperties(AccessSettings.class)
class GalleryControllerTests {

    @TempDir
    static Path base;

    static GalleryFixture fixture;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void folders() throws IOException {
        fixture = new GalleryFixture(base);
    }

    @DynamicPropertySource
    static void cache(DynamicPropertyRegistry registry) {
        registry.add(
                "perfectframe.thumbnail-cache", () -> base.resolve("thumbs").toString());
    }

    @TestConfiguration
    static class Settings {
        @Bean
        PerfectFrameProperties properties() {
            return new PerfectFrameProperties(
                    base.resolve("root/in"),
                    base.resolve("root/out"),
                    List.of(base.resolve("root")),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    private String out() {
        return fixture.output.toString();
    }

    @Test
    void listsTheManifestsPicturesThatAreSafeToServe() throws Exception {
        mvc.perform(get("/gallery").param("folder", out()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.folder").value(fixture.output.toRealPath().toString()))
                .andExpect(jsonPath("$.pictures.length()").value(3))
                .andExpect(jsonPath("$.pictures[0].file").value(fixture.picture(0)))
                .andExpect(jsonPath("$.pictures[0].source").value("clip.mp4"))
                .andExpect(jsonPath("$.pictures[1].score").value(7.25))
                .andExpect(jsonPath("$.pictures[1].timestamp").value("00-00-05.000"))
                .andExpect(jsonPath("$.pictures[1].seconds").value(5.0))
                .andExpect(jsonPath("$.missing").value(3));
    }

    @Test
    void theSamplesOfTheChartCarryTheirShotAndWhetherTheyAreTransitions() throws Exception {
        Files.writeString(
                fixture.output.resolve("samples.csv"),
                "video,timestamp,sample,score,sharpness,mean_luma,dark_share,bright_share,luma_spread,verdict,shot\n"
                        + "clip.mp4,00-00-00.000,0,5.0,1,1,0,0,30,kept,0\n"
                        + "clip.mp4,00-00-01.000,1,6.0,1,1,0,0,30,rejected: mid-transition (dissolve or fade),0\n"
                        + "clip.mp4,00-00-02.000,2,4.5,1,1,0,0,30,\"lost: another sample of its group scored higher\",1\n"
                        // A file written before shots: no shot column.
                        + "old.mp4,00-00-00.000,0,4.0,1,1,0,0,30,kept\n");
        try {
            mvc.perform(get("/gallery/samples").param("folder", out()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.samples.length()").value(4))
                    .andExpect(jsonPath("$.samples[0].kept").value(true))
                    .andExpect(jsonPath("$.samples[0].shot").value(0))
                    .andExpect(jsonPath("$.samples[1].transition").value(true))
                    .andExpect(jsonPath("$.samples[1].kept").value(false))
                    .andExpect(jsonPath("$.samples[2].shot").value(1))
                    .andExpect(jsonPath("$.samples[2].transition").value(false))
                    .andExpect(jsonPath("$.samples[3].kept").value(true))
                    .andExpect(jsonPath("$.samples[3].shot").doesNotExist());
        } finally {
            Files.delete(fixture.output.resolve("samples.csv"));
        }
    }

    @Test
    void withoutAFolderTheDefaultOutputFolderIsShown() throws Exception {
        mvc.perform(get("/gallery"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pictures.length()").value(3));
    }

    @Test
    void servesAPictureAndAThumbnailMadeOnce() throws Exception {
        byte[] original = Files.readAllBytes(fixture.output.resolve(fixture.picture(1)));
        Path cache = base.resolve("thumbs");
        List<Path> before; // thumbnails other tests of the class made
        try (Stream<Path> files = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
            before = files.toList();
        }
        mvc.perform(get("/gallery/picture").param("folder", out()).param("file", fixture.picture(1)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(original));
        MvcResult first = mvc.perform(
                        get("/gallery/thumbnail").param("folder", out()).param("file", fixture.picture(1)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andReturn();
        byte[] thumbnail = first.getResponse().getContentAsByteArray();
        assertThat(thumbnail).startsWith(0xFF, 0xD8);
        List<Path> cached;
        try (Stream<Path> files = Files.list(cache)) {
            cached = files.filter(f -> !before.contains(f)).toList();
        }
        assertThat(cached).hasSize(1);
        long made = Files.getLastModifiedTime(cached.get(0)).toMillis();
        mvc.perform(get("/gallery/thumbnail").param("folder", out()).param("file", fixture.picture(1)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(thumbnail));
        assertThat(Files.getLastModifiedTime(cached.get(0)).toMillis()).isEqualTo(made);
        try (Stream<Path> files = Files.list(fixture.output)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("nothing written to the output folder")
                    .containsExactlyInAnyOrder(
                            fixture.picture(0), fixture.picture(1), fixture.picture(2), "manifest.csv", "link.jpg");
        }
    }

    @Test
    void zipsTheChosenPictures() throws Exception {
        MvcResult result = mvc.perform(zipForm(out(), fixture.picture(2), fixture.picture(0)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"out-pictures.zip\"; filename*=UTF-8''out-pictures.zip"))
                .andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result));
        assertThat(zipEntries(result.getResponse().getContentAsByteArray()))
                .containsExactly(fixture.picture(2), fixture.picture(0));
    }

    @Test
    void servesPicturesInSubfoldersWithTheirCaptureTimeButNeverThroughALinkedFolder() throws Exception {
        Path nested = Files.createDirectories(fixture.root.resolve("nested-out"));
        Path picture = com.perfectframe.testing.TestImages.write(
                Files.createDirectories(nested.resolve("2024/trip")).resolve("clip_00-00-01.000.jpg"), 4);
        Files.createSymbolicLink(nested.resolve("linkdir"), fixture.outside);
        new com.perfectframe.extract.output.Manifest(nested)
                .append(new com.perfectframe.extract.output.Manifest.Entry(
                        picture,
                        Path.of("2024/trip/clip.mp4"),
                        1.0,
                        25L,
                        6.0,
                        "synthetic",
                        com.perfectframe.capture.CaptureTime.parse("2023-06-01T14:30:01+02:00"),
                        "com.apple.quicktime.creationdate"));
        Files.writeString(
                nested.resolve("manifest.csv"),
                "linkdir/secret.jpg,x.mp4,,,9.9,synthetic,,\n",
                java.nio.file.StandardOpenOption.APPEND);
        String folder = nested.toString();

        mvc.perform(get("/gallery").param("folder", folder))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pictures.length()").value(1))
                .andExpect(jsonPath("$.pictures[0].file").value("2024/trip/clip_00-00-01.000.jpg"))
                .andExpect(jsonPath("$.pictures[0].source").value("2024/trip/clip.mp4"))
                .andExpect(jsonPath("$.pictures[0].captured_at").value("2023-06-01T14:30:01.000+02:00"))
                .andExpect(jsonPath("$.pictures[0].captured_at_source").value("com.apple.quicktime.creationdate"));
        mvc.perform(get("/gallery/picture").param("folder", folder).param("file", "2024/trip/clip_00-00-01.000.jpg"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(Files.readAllBytes(picture)));
        assertRefused(get("/gallery/picture").param("folder", folder).param("file", "linkdir/secret.jpg"));
        assertRefused(get("/gallery/picture").param("folder", folder).param("file", "2024/../2024/trip/x.jpg"));
        MvcResult zip = mvc.perform(zipForm(folder, "2024/trip/clip_00-00-01.000.jpg"))
                .andExpect(status().isOk())
                .andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(zip));
        assertThat(zipEntries(zip.getResponse().getContentAsByteArray()))
                .containsExactly("2024/trip/clip_00-00-01.000.jpg");
    }

    @Test
    void pagesByCaptureTimeAcrossSubfoldersAndServesEachByItsRelativeName() throws Exception {
        Path captured = Files.createDirectories(fixture.root.resolve("captured-out"));
        // In the manifest's order; by instant: 12:00Z, 13:30Z, 13:45 (no offset: as if UTC), then the two unknown.
        String[][] rows = {
            {"top.jpg", null},
            {"2023/a/second.jpg", "2023-06-01T13:30:00+00:00"},
            {"2022/unknown.jpg", null},
            {"2023/c/third.jpg", "2023-06-01T13:45:00"},
            {"2023/b/first.jpg", "2023-06-01T14:00:00+02:00"},
        };
        com.perfectframe.extract.output.Manifest manifest = new com.perfectframe.extract.output.Manifest(captured);
        int seed = 0;
        for (String[] row : rows) {
            Path picture = captured.resolve(row[0]);
            Files.createDirectories(picture.getParent());
            com.perfectframe.testing.TestImages.write(picture, ++seed);
            manifest.append(new com.perfectframe.extract.output.Manifest.Entry(
                    picture,
                    Path.of(row[0].replace(".jpg", ".mp4")),
                    1.0,
                    25L,
                    5.0 + seed,
                    "synthetic",
                    com.perfectframe.capture.CaptureTime.parse(row[1]),
                    row[1] == null ? null : "DateTimeOriginal"));
        }
        String folder = captured.toString();
        List<String> order = new ArrayList<>();
        for (int offset = 0; offset < rows.length; offset += 2) {
            String json = mvc.perform(get("/gallery")
                            .param("folder", folder)
                            .param("order", "captured")
                            .param("offset", String.valueOf(offset))
                            .param("limit", "2"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.order").value("captured"))
                    .andExpect(jsonPath("$.total").value(rows.length))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            List<String> files = com.jayway.jsonpath.JsonPath.read(json, "$.pictures[*].file");
            order.addAll(files);
        }
        assertThat(order)
                .containsExactly(
                        "2023/b/first.jpg", "2023/a/second.jpg", "2023/c/third.jpg", "top.jpg", "2022/unknown.jpg");
        mvc.perform(get("/gallery").param("folder", folder).param("order", "captured"))
                .andExpect(jsonPath("$.pictures[0].captured_at").value("2023-06-01T14:00:00.000+02:00"))
                .andExpect(jsonPath("$.pictures[0].captured_at_source").value("DateTimeOriginal"))
                .andExpect(jsonPath("$.pictures[3].captured_at").isEmpty());
        mvc.perform(get("/gallery/picture").param("folder", folder).param("file", "2023/b/first.jpg"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(Files.readAllBytes(captured.resolve("2023/b/first.jpg"))));
        mvc.perform(get("/gallery/thumbnail").param("folder", folder).param("file", "2023/c/third.jpg"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
        mvc.perform(get("/gallery").param("folder", folder).param("order", "taken"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void listsTheFoldersUnderTheRoots() throws Exception {
        mvc.perform(get("/folders"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.roots[0]").value(fixture.root.toRealPath().toString()))
                .andExpect(jsonPath("$.folders[?(@.path == '" + fixture.output.toRealPath() + "')].has_manifest")
                        .value(true))
                .andExpect(jsonPath("$.folders[?(@.path =~ /.*linked-out.*/)]").isEmpty());
    }

    // ---- Traversal: every file-serving route, every trick, 403 or 404 and never the secret. ----

    private void assertRefused(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        int code = result.getResponse().getStatus();
        assertThat(code).as(request.toString()).isIn(403, 404);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(GalleryFixture.SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gallery/picture", "/gallery/thumbnail"})
    void fileNamesOutsideTheManifestAreRefused(String route) throws Exception {
        for (String name : List.of(
                "../secret.jpg",
                "..%2fsecret.jpg",
                "%2e%2e/secret.jpg",
                "..",
                "manifest.csv",
                fixture.root.resolve("secret.jpg").toString(),
                base.resolve("outside/secret.jpg").toString(),
                "link.jpg",
                "./" + fixture.picture(0),
                "")) {
            assertRefused(get(route).param("folder", out()).param("file", name));
        }
        // Encoded in the query string itself.
        assertRefused(get(route + "?folder=" + out() + "&file=%2e%2e%2fsecret.jpg"));
        assertRefused(get(route + "?folder=" + out() + "&file=%2E%2E%2Fsecret.jpg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gallery", "/gallery/picture", "/gallery/thumbnail", "/gallery/samples"})
    void foldersOutsideTheRootsAreRefused(String route) throws Exception {
        for (String folder : List.of(
                "/etc",
                base.resolve("outside").toString(),
                out() + "/../..",
                out() + "/../../outside",
                fixture.root.resolve("linked-out").toString(),
                "..",
                "../../..")) {
            assertRefused(get(route).param("folder", folder).param("file", "secret.jpg"));
        }
        assertRefused(get(route + "?folder=" + out() + "%2f%2e%2e%2f%2e%2e%2foutside&file=secret.jpg"));
        assertRefused(get(route + "?folder=" + fixture.root + "&file=secret.jpg"));
    }

    @Test
    void aZipWithAnyNameOutsideTheManifestIsRefusedWhole() throws Exception {
        for (String name : List.of("../secret.jpg", "%2e%2e/secret.jpg", "link.jpg", "/etc/passwd")) {
            assertRefused(zipForm(out(), fixture.picture(0), name));
        }
        assertRefused(zipForm(fixture.root.resolve("linked-out").toString(), "secret.jpg"));
    }

    @Test
    void refusalsAnswerJsonProblems() throws Exception {
        mvc.perform(get("/gallery/picture").param("folder", "/etc").param("file", "passwd"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Folder not allowed"));
        mvc.perform(get("/gallery/picture").param("folder", out()).param("file", "../secret.jpg"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No picture named '../secret.jpg' in this folder's manifest."));
        mvc.perform(get("/gallery").param("folder", fixture.root.toString()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no manifest.csv")));
    }

    /** The zip request as the page's form sends it: one field holding the selection as JSON. */
    static MockHttpServletRequestBuilder zipForm(String folder, String... files) throws IOException {
        String selection = new tools.jackson.databind.ObjectMapper()
                .writeValueAsString(java.util.Map.of("folder", folder, "files", List.of(files)));
        return post("/gallery/zip")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .param("selection", selection);
    }

    static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
