package com.perfectframe.score.nima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.nima.convert.ConvertedModel;
import com.perfectframe.score.nima.convert.SavedModelCache;
import com.perfectframe.testing.ModelInputs;
import com.perfectframe.testing.SyntheticModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path: synthetic Keras weights → SavedModel under the models folder → DJL scorer. */
class NimaScorerIntegrationTests {

    @TempDir
    static Path modelsDir;

    private static final List<float[]> IMAGES = ModelInputs.random(3, 2);
    private static NimaOptions options;
    private static FrameScorer scorer;

    @BeforeAll
    static void open() {
        options = NimaOptions.defaults()
                .withModelsDir(modelsDir)
                .withWeightsFile(SyntheticModel.weightsFile())
                .withForceCpu(true);
        scorer = NimaScorerFactory.open(options);
    }

    @AfterAll
    static void close() {
        if (scorer != null) {
            scorer.close();
        }
    }

    @Test
    void scoresLieInsideOneToTen() {
        for (float s : scorer.score(IMAGES)) {
            assertThat(s).isBetween(1f, 10f);
        }
        assertThat(scorer.score(List.of())).isEmpty();
    }

    @Test
    void batchScoresEqualOneByOneScores() {
        float[] batch = scorer.score(IMAGES);
        for (int i = 0; i < IMAGES.size(); i++) {
            assertThat(scorer.score(List.of(IMAGES.get(i)))[0]).isCloseTo(batch[i], within(1e-4f));
        }
    }

    /** One thread at a time is the contract; a mistaken second caller waits instead of corrupting the buffer. */
    @Test
    void aSecondCallerAtTheSameTimeGetsCorrectScores() throws Exception {
        float[] expected = scorer.score(IMAGES);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> scorer.score(IMAGES));
            var b = pool.submit(() -> scorer.score(IMAGES));
            for (float[] got : List.of(a.get(), b.get())) {
                for (int i = 0; i < expected.length; i++) {
                    assertThat(got[i]).isCloseTo(expected[i], within(1e-4f));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void saysTheWeightsAreSyntheticAndWhereItRuns() {
        assertThat(scorer.identity().synthetic()).isTrue();
        assertThat(scorer.identity().manifestName()).isEqualTo("synthetic");
        assertThat(scorer.identity().weightsSha256())
                .isEqualTo(SavedModelCache.ensure(modelsDir, SyntheticModel.weightsFile(), true)
                        .weightsSha256());
        assertThat(scorer.identity().device()).isEqualTo("CPU");
    }

    @Test
    void reusesTheConvertedModelOnTheNextOpen() throws Exception {
        ConvertedModel converted = SavedModelCache.ensure(modelsDir, SyntheticModel.weightsFile(), true);
        assertThat(converted.dir()).startsWith(modelsDir.resolve("savedmodel"));
        assertThat(converted.dir().getFileName().toString())
                .startsWith(scorer.identity().weightsSha256());
        FileTime before = Files.getLastModifiedTime(converted.dir().resolve("saved_model.pb"));
        long start = System.nanoTime();
        try (FrameScorer again = NimaScorerFactory.open(options)) {
            assertThat(again.score(IMAGES.subList(0, 1))[0])
                    .isCloseTo(scorer.score(IMAGES.subList(0, 1))[0], within(1e-5f));
        }
        System.out.printf("second open + 1 image: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertThat(Files.getLastModifiedTime(converted.dir().resolve("saved_model.pb")))
                .isEqualTo(before);
        try (var entries = Files.list(modelsDir.resolve("savedmodel"))) {
            assertThat(new ArrayList<>(entries.toList())).hasSize(1);
        }
    }

    @Test
    void bfloat16ScoresStayCloseToFp32() {
        try (FrameScorer bf16 = NimaScorerFactory.open(options.withBfloat16(true))) {
            float[] reference = scorer.score(IMAGES);
            float[] scores = bf16.score(IMAGES);
            for (int i = 0; i < scores.length; i++) {
                assertThat(scores[i]).isCloseTo(reference[i], within(0.05f));
            }
        }
    }

    @Test
    void saysWhereToPutTheWeightsWhenTheyAreMissingAndOffline() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path emptyModels = modelsDir.resolve("empty");
        NimaOptions offline = NimaOptions.defaults()
                .withModelsDir(emptyModels)
                .withWeightsUrl(java.net.URI.create("http://127.0.0.1:" + closedPort + "/weights.h5"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NimaScorerFactory.open(offline))
                .isInstanceOf(com.perfectframe.score.ModelException.class)
                .hasMessageContaining(
                        "put it at " + emptyModels.resolve("weights.h5").toAbsolutePath());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> NimaScorerFactory.open(options.withWeightsFile(modelsDir.resolve("absent.h5"))))
                .isInstanceOf(com.perfectframe.score.ModelException.class)
                .hasMessageContaining("absent.h5");
    }

    @Test
    void rejectsImagesOfTheWrongSize() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scorer.score(List.of(new float[10])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("224*224*3");
    }
}
