package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.perfectframe.access.AccessSettings;
import com.perfectframe.access.Exposure;
import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.job.JobSlot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the extractor routes refuse before any job starts, in a web slice (no server, no model): unknown extractors,
 * folders outside the allowed roots or behind a link leading out, and fields of the wrong type or out of range, each
 * answered as JSON naming the field the client sent. The factory here fails if anything asks it for a model, and the
 * slot must still be idle after every test. Jobs that run, and what Tomcat itself refuses, are tested over a real port
 * ({@link ApiIntegrationTests}, {@link SymbolicLinkApiTests}, {@link RequestHardeningTests}).
 */
@WebMvcTest(controllers = {ExtractorsController.class, StatusController.class})
@Import({Exposure.class, ExtractorsControllerTests.Service.class})
@EnableConfigurationProperties({AccessSettings.class, PerfectFrameProperties.class})
class ExtractorsControllerTests {

    @TempDir
    static Path root;

    /** Another user's folder: outside the allowed roots. */
    @TempDir
    static Path elsewhere;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
    }

    @BeforeAll
    static void folders() throws Exception {
        Files.createDirectories(root.resolve("in"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Service {
        @Bean(destroyMethod = "close")
        ExtractorFactory extractorFactory(PerfectFrameProperties properties) {
            return ExtractorFactory.loading(properties.pipelineSettings(), () -> {
                throw new AssertionError("a refused request must not load a model");
            });
        }

        @Bean(destroyMethod = "close")
        JobSlot jobSlot() {
            return new JobSlot();
        }
    }

    private ResultActions start(String extractor, String json) throws Exception {
        return mvc.perform(post("/extractors/" + extractor)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static void refused(ResultActions answer, int status, String detail) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(header().string("Content-Type", Matchers.containsString("json")))
                .andExpect(jsonPath("$.error").isNotEmpty())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(detail)));
    }

    @AfterEach
    void noJobStarted() throws Exception {
        mvc.perform(get("/").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active_extractor").isEmpty());
    }

    @Test
    void reportsNoActiveExtractorWhenIdle() throws Exception {
        mvc.perform(get("/").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", Matchers.hasKey("active_extractor")));
        mvc.perform(get("/v2/status")).andExpect(status().isOk());
    }

    @Test
    void unknownExtractorIs404() throws Exception {
        refused(mvc.perform(post("/extractors/worst_frames_extractor")), 404, "worst_frames_extractor");
    }

    @Test
    void foldersOutsideTheAllowedRootsAreRefused() throws Exception {
        refused(
                start("best_frames_extractor", "{\"input_directory\": \"/etc\", \"all_frames\": true}"),
                403,
                "input_directory");
        refused(
                start(
                        "best_frames_extractor",
                        "{\"output_directory\": \"" + root.resolve("../../escape") + "\", \"all_frames\": true}"),
                403,
                "output_directory");
    }

    @Test
    void aRequestedFolderThatIsALinkOutsideIsRefusedNamingTheField() throws Exception {
        Path outsideIn = Files.createDirectories(elsewhere.resolve("videos"));
        Path linkIn = Files.createSymbolicLink(root.resolve("link-in"), outsideIn);
        Path linkOut = Files.createSymbolicLink(root.resolve("link-out"), elsewhere);

        refused(
                start("best_frames_extractor", "{\"input_directory\": \"" + linkIn + "\", \"all_frames\": true}"),
                403,
                "input_directory");
        refused(
                start(
                        "best_frames_extractor",
                        "{\"output_directory\": \"" + linkOut.resolve("pictures") + "\", \"all_frames\": true}"),
                403,
                "output_directory");
        assertThat(elsewhere.resolve("pictures")).doesNotExist();
    }

    @Test
    void invalidFieldsAre400NamingTheField() throws Exception {
        String[][] cases = {
            {"{\"batch_size\": 0}", "batch_size"},
            {"{\"top_images_percent\": 101}", "top_images_percent"},
            {"{\"batch_sise\": 10}", "batch_sise"},
            {"{\"batch_size\": \"many\"}", "batch_size"},
            {"{\"batch_size\": 2.5}", "batch_size"},
            {"{not json", "JSON"},
            {"{\"top\": -1}", "top"},
            {"{\"quality_gate\": \"maybe\"}", "quality_gate"},
            {"{\"sharpness_ratio\": 1.5}", "sharpness_ratio"},
            {"{\"min_gap_seconds\": -2}", "min_gap_seconds"},
            {"{\"shot_drift\": 0}", "shot_drift"},
            {"{\"shot_drift\": 1.5}", "shot_drift"},
            {"{\"per_shot\": \"maybe\"}", "per_shot"},
            {"{\"images_output_format\": \".gif\"}", "images_output_format"},
            {"{\"input_directory\": \"" + root.resolve("missing") + "\"}", "input_directory"},
        };
        for (String[] sent : cases) {
            refused(start("best_frames_extractor", sent[0]), 400, sent[1]);
        }
    }

    @Test
    void aGroupSizeOutOfRangeIsRefusedOnTheFieldSent() throws Exception {
        refused(
                start("best_frames_extractor", "{\"compering_group_size\": 0}"),
                400,
                "compering_group_size must be between 1 and 10000 (got 0).");
        start("best_frames_extractor", "{\"comparing_group_size\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.startsWith("comparing_group_size must be between 1 and 10000 (got 0).")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("compering"))));
        refused(
                start("best_frames_extractor", "{\"comparing_group_size\": 10001}"),
                400,
                "comparing_group_size must be between 1 and 10000 (got 10001).");
        refused(
                start("best_frames_extractor", "{\"compering_group_size\": 3, \"comparing_group_size\": 4}"),
                400,
                "compering_group_size and comparing_group_size are the same field");
        refused(
                start("best_frames_extractor", "{\"sharpness_ratio\": 1, \"batch_size\": 0, \"top\": 2}"),
                400,
                "batch_size must be between 1 and 10000 (got 0); sharpness_ratio must be more than 0 and less than 1"
                        + " (got 1.0).");
    }
}
