package com.perfectframe.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransitionsTests {

    private static PictureMeasurer measurer;
    private static Mat sceneA;
    private static Mat sceneB;
    private static PictureMeasures a;
    private static PictureMeasures b;

    @BeforeAll
    static void open() {
        measurer = new PictureMeasurer();
        sceneA = Scenes.scene(1280, 720, 1);
        sceneB = Scenes.scene(1280, 720, 2);
        a = measurer.measure(sceneA);
        b = measurer.measure(sceneB);
    }

    @AfterAll
    static void close() {
        sceneA.close();
        sceneB.close();
        measurer.close();
    }

    private static PictureMeasures measureAndClose(Mat picture) {
        try (picture) {
            return measurer.measure(picture);
        }
    }

    @Test
    void anEvenDissolveIsAMixAtOneHalf() {
        TransitionFit fit = Transitions.fit(a, measureAndClose(Scenes.mix(sceneA, sceneB, 0.5)), b);

        assertThat(fit.looksLikeMix()).isTrue();
        assertThat(fit.alpha()).isCloseTo(0.5, within(0.1));
        assertThat(fit.residual()).isLessThan(0.01);
        assertThat(fit.neighbourDistance()).isCloseTo(Similarity.thumbnailDistance(a, b), within(1e-12));
    }

    @Test
    void alphaIsTheWeightOfThePreviousSample() {
        TransitionFit early = Transitions.fit(a, measureAndClose(Scenes.mix(sceneA, sceneB, 0.7)), b);
        TransitionFit late = Transitions.fit(a, measureAndClose(Scenes.mix(sceneA, sceneB, 0.3)), b);

        assertThat(early.alpha()).isCloseTo(0.7, within(0.05));
        assertThat(late.alpha()).isCloseTo(0.3, within(0.05));
        assertThat(early.looksLikeMix()).isTrue();
        assertThat(late.looksLikeMix()).isTrue();
    }

    @Test
    void aNoisyDissolveIsStillAMix() {
        TransitionFit fit = Transitions.fit(
                measureAndClose(Scenes.noisy(sceneA, 6)),
                measureAndClose(Scenes.noisy(Scenes.mix(sceneA, sceneB, 0.5), 6)),
                measureAndClose(Scenes.noisy(sceneB, 6)));

        assertThat(fit.looksLikeMix()).isTrue();
    }

    @Test
    void aFadeToBlackIsAMix() {
        try (Mat black = Scenes.uniform(1280, 720, 0, 0, 0)) {
            PictureMeasures dark = measurer.measure(black);
            TransitionFit fadeOut = Transitions.fit(a, measureAndClose(Scenes.mix(sceneA, black, 0.5)), dark);
            TransitionFit fadeIn = Transitions.fit(dark, measureAndClose(Scenes.mix(sceneB, black, 0.4)), b);

            assertThat(fadeOut.looksLikeMix()).isTrue();
            assertThat(fadeOut.alpha()).isCloseTo(0.5, within(0.1));
            assertThat(fadeIn.looksLikeMix()).isTrue();
            assertThat(fadeIn.alpha()).isCloseTo(0.6, within(0.1));
        }
    }

    @Test
    void aCutIsNotAMix() {
        TransitionFit lastOfA = Transitions.fit(a, a, b);
        TransitionFit firstOfB = Transitions.fit(a, b, b);

        assertThat(lastOfA.alpha()).isCloseTo(1.0, within(1e-6));
        assertThat(lastOfA.looksLikeMix()).isFalse();
        assertThat(firstOfB.alpha()).isCloseTo(0.0, within(1e-6));
        assertThat(firstOfB.looksLikeMix()).isFalse();
    }

    @Test
    void aStaticSceneIsNotAMix() {
        TransitionFit fit = Transitions.fit(
                measureAndClose(Scenes.noisy(sceneA, 5)),
                measureAndClose(Scenes.noisy(sceneA, 5)),
                measureAndClose(Scenes.noisy(sceneA, 5)));

        assertThat(fit.neighbourDistance()).isLessThan(TransitionFit.MIN_NEIGHBOUR_DISTANCE);
        assertThat(fit.looksLikeMix()).isFalse();
    }

    @Test
    void equalNeighboursGiveAHalfAndTheDistanceToThem() {
        TransitionFit fit = Transitions.fit(a, b, a);

        assertThat(fit.alpha()).isEqualTo(0.5);
        assertThat(fit.neighbourDistance()).isZero();
        assertThat(fit.residual()).isCloseTo(Similarity.thumbnailDistance(a, b), within(1e-6));
        assertThat(fit.looksLikeMix()).isFalse();
    }

    @Test
    void anUnrelatedSampleIsNotAMix() {
        for (long seed = 3; seed <= 5; seed++) {
            TransitionFit fit = Transitions.fit(a, measureAndClose(Scenes.scene(1280, 720, seed)), b);

            assertThat(fit.residual()).as("seed %d", seed).isGreaterThan(0.5 * fit.neighbourDistance());
            assertThat(fit.looksLikeMix()).as("seed %d", seed).isFalse();
        }
    }

    @Test
    void aPanIsNotAMix() {
        // One second of a pan moves the picture by 1.5% to 25% of its width; the middle sample lies roughly
        // "between" its neighbours on the thumbnail, but not as closely as a true mix.
        for (long seed = 1; seed <= 3; seed++) {
            try (Mat wide = Scenes.scene(1600, 360, seed);
                    Mat smooth = Scenes.gaussianBlur(wide, 20)) {
                for (Mat panorama : new Mat[] {wide, smooth}) {
                    for (int step : new int[] {10, 20, 40, 80, 160}) {
                        TransitionFit fit = Transitions.fit(
                                measureAndClose(Scenes.window(panorama, 0, 640)),
                                measureAndClose(Scenes.window(panorama, step, 640)),
                                measureAndClose(Scenes.window(panorama, 2 * step, 640)));
                        assertThat(fit.looksLikeMix())
                                .as("seed %d, step %d", seed, step)
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    void looksLikeMixAppliesEachThreshold() {
        assertThat(new TransitionFit(0.5, 0.01, 0.2).looksLikeMix()).isTrue();
        assertThat(new TransitionFit(0.5, 0.001, 0.03).looksLikeMix())
                .as("neighbours too close")
                .isFalse();
        assertThat(new TransitionFit(0.1, 0.001, 0.2).looksLikeMix())
                .as("alpha too low")
                .isFalse();
        assertThat(new TransitionFit(0.9, 0.001, 0.2).looksLikeMix())
                .as("alpha too high")
                .isFalse();
        assertThat(new TransitionFit(0.5, 0.03, 0.2).looksLikeMix())
                .as("residual too large")
                .isFalse();
        assertThat(new TransitionFit(TransitionFit.MIN_ALPHA, 0, TransitionFit.MIN_NEIGHBOUR_DISTANCE).looksLikeMix())
                .as("bounds are inclusive")
                .isTrue();
    }

    @Test
    void aFitRefusesImpossibleNumbers() {
        assertThatThrownBy(() -> new TransitionFit(Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransitionFit(0.5, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransitionFit(0.5, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
