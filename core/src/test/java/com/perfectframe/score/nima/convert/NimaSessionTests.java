package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.NimaScorerFactory;
import com.perfectframe.testing.ModelInputs;
import com.perfectframe.testing.SyntheticModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NimaSessionTests {

    private static KerasWeights weights;
    private static NimaSession fused;
    private static final List<float[]> IMAGES = ModelInputs.random(3, 1);

    @BeforeAll
    static void build() {
        TensorflowNativeBootstrap.load(TensorflowNativeBootstrap.defaultCacheRoot());
        weights = KerasWeightsReader.read(SyntheticModel.weightsFile(), Architecture.nima());
        fused = NimaSession.build(weights, true);
    }

    @AfterAll
    static void close() {
        fused.close();
    }

    @Test
    void scoresLieInsideOneToTenAndDifferBetweenImages() {
        float[] scores = fused.score(IMAGES);
        System.out.println(java.util.Arrays.toString(scores));
        assertThat(scores).hasSize(3);
        for (float s : scores) {
            assertThat(s).isBetween(1f, 10f);
        }
        assertThat(scores[0]).isNotEqualTo(scores[1]);
    }

    @Test
    void syntheticWeightsGiveSpreadDistributionsNotOneHot() {
        for (float[] p : fused.probabilities(IMAGES)) {
            System.out.println(java.util.Arrays.toString(p));
            double sum = 0;
            for (float v : p) {
                assertThat(v).isLessThan(0.8f);
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void batchScoresEqualOneByOneScores() {
        float[] batch = fused.score(IMAGES);
        for (int i = 0; i < IMAGES.size(); i++) {
            assertThat(fused.score(List.of(IMAGES.get(i)))[0]).isCloseTo(batch[i], within(1e-4f));
        }
    }

    @Test
    void foldingBatchNormIntoConvolutionsKeepsScores() {
        try (NimaSession unfused = NimaSession.build(weights, false)) {
            float[] a = fused.score(IMAGES);
            float[] b = unfused.score(IMAGES);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).isCloseTo(b[i], within(1e-4f));
            }
        }
    }

    @Test
    void countsFlopsFromTheBuiltGraph() {
        assertThat(fused.flopsPerImage()).isEqualTo(2 * Architecture.nima().multiplyAdds());
        System.out.println("GFLOPs/image " + fused.flopsPerImage() / 1e9);
    }

    @TempDir
    static Path modelsDir;

    @Test
    void exportedModelScoresLikeTheFreshlyBuiltGraph() {
        KerasWeights weights = KerasWeightsReader.read(SyntheticModel.weightsFile(), Architecture.nima());
        float[] fresh;
        try (NimaSession session = NimaSession.build(weights, true)) {
            fresh = session.score(IMAGES);
        }
        float[] exported;
        try (var scorer = NimaScorerFactory.open(NimaOptions.defaults()
                .withModelsDir(modelsDir)
                .withWeightsFile(SyntheticModel.weightsFile())
                .withForceCpu(true))) {
            exported = scorer.score(IMAGES);
        }
        for (int i = 0; i < fresh.length; i++) {
            assertThat(exported[i]).isCloseTo(fresh[i], within(1e-4f));
        }
    }
}
