package com.perfectframe.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimilarityTests {

    private static PictureMeasurer measurer;

    @BeforeAll
    static void open() {
        measurer = new PictureMeasurer();
    }

    @AfterAll
    static void close() {
        measurer.close();
    }

    private static PictureMeasures measureAndClose(Mat picture) {
        try (picture) {
            return measurer.measure(picture);
        }
    }

    private static boolean duplicates(PictureMeasures a, PictureMeasures b) {
        return Similarity.nearDuplicates(a, b, Similarity.DEFAULT_MAX_HASH_BITS);
    }

    @Test
    void hammingDistanceCountsDifferingBits() {
        assertThat(Similarity.hammingDistance(0L, 0L)).isZero();
        assertThat(Similarity.hammingDistance(0L, -1L)).isEqualTo(64);
        assertThat(Similarity.hammingDistance(0b1011L, 0b0110L)).isEqualTo(3);
        assertThat(Similarity.hammingDistance(Long.MIN_VALUE, 0L)).isEqualTo(1);
    }

    @Test
    void thumbnailDistanceIsTheMeanAbsoluteDifference() {
        PictureMeasures black = measureAndClose(Scenes.uniform(32, 32, 0, 0, 0));
        PictureMeasures white = measureAndClose(Scenes.uniform(32, 32, 255, 255, 255));
        PictureMeasures blue = measureAndClose(Scenes.uniform(32, 32, 255, 0, 0));

        assertThat(Similarity.thumbnailDistance(black, black)).isZero();
        assertThat(Similarity.thumbnailDistance(black, white)).isEqualTo(1.0);
        assertThat(Similarity.thumbnailDistance(white, black)).isEqualTo(1.0);
        assertThat(Similarity.thumbnailDistance(black, blue)).isCloseTo(1 / 3.0, within(1e-6));
    }

    @Test
    void theSameSceneWithNoiseOrASmallBrightnessChangeIsANearDuplicate() {
        for (long seed = 1; seed <= 3; seed++) {
            try (Mat scene = Scenes.scene(1920, 1080, seed)) {
                PictureMeasures original = measurer.measure(scene);
                PictureMeasures noisy = measureAndClose(Scenes.noisy(scene, 8));
                PictureMeasures brighter = measureAndClose(Scenes.scaled(scene, 1.02));
                PictureMeasures darker = measureAndClose(Scenes.scaled(scene, 0.98));

                assertThat(duplicates(original, noisy))
                        .as("noise, seed %d", seed)
                        .isTrue();
                assertThat(duplicates(original, brighter))
                        .as("2%% brighter, seed %d", seed)
                        .isTrue();
                assertThat(duplicates(darker, original))
                        .as("2%% darker, seed %d", seed)
                        .isTrue();
                assertThat(Similarity.hammingDistance(original.hash(), noisy.hash()))
                        .isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void differentScenesAreNotNearDuplicates() {
        PictureMeasures[] scenes = new PictureMeasures[4];
        for (int i = 0; i < scenes.length; i++) {
            scenes[i] = measureAndClose(Scenes.scene(1920, 1080, 100 + i));
        }
        for (int i = 0; i < scenes.length; i++) {
            for (int j = i + 1; j < scenes.length; j++) {
                assertThat(duplicates(scenes[i], scenes[j]))
                        .as("%d and %d", i, j)
                        .isFalse();
                assertThat(Similarity.hammingDistance(scenes[i].hash(), scenes[j].hash()))
                        .isGreaterThan(Similarity.DEFAULT_MAX_HASH_BITS);
                assertThat(Similarity.thumbnailDistance(scenes[i], scenes[j]))
                        .isGreaterThan(2 * Similarity.MAX_THUMBNAIL_DISTANCE);
            }
        }
    }

    @Test
    void aSceneShiftedByThirtyPercentIsNotANearDuplicate() {
        for (long seed = 1; seed <= 3; seed++) {
            try (Mat wide = Scenes.scene(2496, 1080, seed)) {
                PictureMeasures left = measureAndClose(Scenes.window(wide, 0, 1920));
                PictureMeasures right = measureAndClose(Scenes.window(wide, 576, 1920));

                assertThat(duplicates(left, right)).as("seed %d", seed).isFalse();
                assertThat(Similarity.hammingDistance(left.hash(), right.hash()))
                        .isGreaterThan(2 * Similarity.DEFAULT_MAX_HASH_BITS);
            }
        }
    }

    @Test
    void aBlurredCopyIsANearDuplicate() {
        try (Mat scene = Scenes.scene(1920, 1080, 9)) {
            PictureMeasures sharp = measurer.measure(scene);
            PictureMeasures blurred = measureAndClose(Scenes.gaussianBlur(scene, 3));

            assertThat(duplicates(sharp, blurred)).isTrue();
        }
    }

    @Test
    void theHashAloneDoesNotMakeDuplicatesWhenColoursDiffer() {
        PictureMeasures black = measureAndClose(Scenes.uniform(640, 360, 0, 0, 0));
        PictureMeasures white = measureAndClose(Scenes.uniform(640, 360, 255, 255, 255));

        assertThat(black.hash()).isEqualTo(white.hash());
        assertThat(duplicates(black, white)).isFalse();
    }

    @Test
    void theCallerChoosesHowManyHashBitsMayDiffer() {
        float[] grey = new float[PictureMeasures.THUMBNAIL_LENGTH];
        Arrays.fill(grey, 0.5f);
        PictureMeasures a = new PictureMeasures(1, 128, 0, 0, 10, 0L, grey);
        PictureMeasures b = new PictureMeasures(1, 128, 0, 0, 10, 0b111L, grey);

        assertThat(Similarity.nearDuplicates(a, b, 3)).isTrue();
        assertThat(Similarity.nearDuplicates(a, b, 2)).isFalse();
    }
}
