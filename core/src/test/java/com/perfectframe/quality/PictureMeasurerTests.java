package com.perfectframe.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PictureMeasurerTests {

    private final PictureMeasurer measurer = new PictureMeasurer();

    @AfterEach
    void close() {
        measurer.close();
    }

    private PictureMeasures measureAndClose(Mat picture) {
        try (picture) {
            return measurer.measure(picture);
        }
    }

    @Test
    void aDefocusedOrMotionBlurredPictureIsFarLessSharp() {
        for (long seed = 1; seed <= 3; seed++) {
            try (Mat scene = Scenes.scene(1920, 1080, seed)) {
                double sharp = measurer.measure(scene).sharpness();
                double defocused =
                        measureAndClose(Scenes.gaussianBlur(scene, 3)).sharpness();
                double panned = measureAndClose(Scenes.motionBlur(scene, 25)).sharpness();

                assertThat(sharp).as("seed %d", seed).isGreaterThan(500);
                assertThat(defocused).as("seed %d", seed).isLessThan(0.3 * sharp);
                assertThat(panned).as("seed %d", seed).isLessThan(0.3 * sharp);
            }
        }
    }

    @Test
    void sharpnessGrowsAsBlurShrinks() {
        try (Mat scene = Scenes.scene(1920, 1080, 4)) {
            double sharp = measurer.measure(scene).sharpness();
            double sigma1 = measureAndClose(Scenes.gaussianBlur(scene, 1)).sharpness();
            double sigma2 = measureAndClose(Scenes.gaussianBlur(scene, 2)).sharpness();
            double sigma3 = measureAndClose(Scenes.gaussianBlur(scene, 3)).sharpness();

            assertThat(sigma3).isLessThan(sigma2);
            assertThat(sigma2).isLessThan(sigma1);
            assertThat(sigma1).isLessThan(sharp);
        }
    }

    @Test
    void theSameSceneMeasuresAboutTheSameAt1080pAnd4k() {
        for (long seed = 1; seed <= 3; seed++) {
            PictureMeasures hd = measureAndClose(Scenes.scene(1920, 1080, seed));
            PictureMeasures uhd = measureAndClose(Scenes.scene(3840, 2160, seed));

            assertThat(uhd.sharpness()).as("seed %d", seed).isCloseTo(hd.sharpness(), within(0.2 * hd.sharpness()));
            assertThat(uhd.meanLuma()).isCloseTo(hd.meanLuma(), within(2.0));
            assertThat(uhd.lumaSpread()).isCloseTo(hd.lumaSpread(), within(2.0));
            assertThat(Similarity.nearDuplicates(hd, uhd, Similarity.DEFAULT_MAX_HASH_BITS))
                    .isTrue();
        }
        // Blurred the same way relative to the picture, they stay alike too.
        try (Mat hd = Scenes.scene(1920, 1080, 1);
                Mat uhd = Scenes.scene(3840, 2160, 1)) {
            double blurredHd = measureAndClose(Scenes.gaussianBlur(hd, 3)).sharpness();
            double blurredUhd = measureAndClose(Scenes.gaussianBlur(uhd, 6)).sharpness();
            assertThat(blurredUhd).isCloseTo(blurredHd, within(0.2 * blurredHd));
        }
    }

    @Test
    void aBlackPictureIsDarkAndFlat() {
        PictureMeasures black = measureAndClose(Scenes.uniform(1920, 1080, 0, 0, 0));

        assertThat(black.meanLuma()).isZero();
        assertThat(black.darkShare()).isEqualTo(1.0);
        assertThat(black.brightShare()).isZero();
        assertThat(black.lumaSpread()).isZero();
        assertThat(black.sharpness()).isZero();
        assertThat(black.hash()).isZero();
        assertThat(black.thumbnail()).containsOnly(0f);
    }

    @Test
    void aUniformGreyPictureIsFlatButNeitherDarkNorBright() {
        PictureMeasures grey = measureAndClose(Scenes.uniform(1280, 720, 128, 128, 128));

        assertThat(grey.meanLuma()).isCloseTo(128, within(0.5));
        assertThat(grey.lumaSpread()).isLessThan(0.5);
        assertThat(grey.darkShare()).isZero();
        assertThat(grey.brightShare()).isZero();
        assertThat(grey.thumbnail()).containsOnly(128 / 255f);
    }

    @Test
    void aNoisyBlackFrameIsStillDarkFlatAndHashesLikeBlack() {
        PictureMeasures black = measureAndClose(Scenes.noisy(Scenes.uniform(1920, 1080, 8, 8, 8), 3));

        assertThat(black.darkShare()).isGreaterThan(0.99);
        assertThat(black.lumaSpread()).isLessThan(3);
        assertThat(black.hash()).as("no bit from noise alone").isZero();
    }

    @Test
    void anOrdinarySceneHasSpreadAndFewExtremes() {
        PictureMeasures scene = measureAndClose(Scenes.scene(1920, 1080, 1));

        assertThat(scene.lumaSpread()).isGreaterThan(20);
        assertThat(scene.meanLuma()).isBetween(60.0, 200.0);
        assertThat(scene.darkShare()).isLessThan(0.2);
        assertThat(scene.brightShare()).isLessThan(0.2);
        assertThat(Long.bitCount(scene.hash()))
                .as("a detailed scene sets many hash bits")
                .isBetween(10, 54);
    }

    @Test
    void aBlownOutPictureHasAHighBrightShare() {
        PictureMeasures white = measureAndClose(Scenes.uniform(640, 360, 255, 255, 255));
        assertThat(white.brightShare()).isEqualTo(1.0);
        assertThat(white.meanLuma()).isEqualTo(255.0);

        try (Mat scene = Scenes.scene(1920, 1080, 2)) {
            PictureMeasures normal = measurer.measure(scene);
            PictureMeasures blown = measureAndClose(Scenes.scaled(scene, 3));

            assertThat(blown.brightShare()).isGreaterThan(0.5).isGreaterThan(normal.brightShare() + 0.4);
            assertThat(blown.meanLuma()).isGreaterThan(normal.meanLuma());
        }
    }

    @Test
    void shareThresholdsAreInclusive() {
        assertThat(measureAndClose(Scenes.uniform(64, 64, 16, 16, 16)).darkShare())
                .isEqualTo(1.0);
        assertThat(measureAndClose(Scenes.uniform(64, 64, 17, 17, 17)).darkShare())
                .isZero();
        assertThat(measureAndClose(Scenes.uniform(64, 64, 240, 240, 240)).brightShare())
                .isEqualTo(1.0);
        assertThat(measureAndClose(Scenes.uniform(64, 64, 239, 239, 239)).brightShare())
                .isZero();
    }

    @Test
    void aOnePixelPictureIsMeasured() {
        PictureMeasures dot = measureAndClose(new Mat(1, 1, CV_8UC3, new Scalar(10, 20, 200, 0)));

        assertThat(dot.sharpness()).isZero();
        assertThat(dot.lumaSpread()).isZero();
        assertThat(dot.thumbnail()).hasSize(PictureMeasures.THUMBNAIL_LENGTH);
        assertThat(dot.thumbnail()[0]).isEqualTo(10 / 255f);
        assertThat(dot.thumbnail()[2]).isEqualTo(200 / 255f);
    }

    @Test
    void oddAndExtremeSizesAreMeasured() {
        int[][] sizes = {{1, 4000}, {4000, 1}, {2, 3}, {1921, 1081}, {1080, 1920}, {479, 481}, {961, 3}};
        for (int[] size : sizes) {
            PictureMeasures measures = measureAndClose(Scenes.scene(size[0], size[1], 5));
            assertThat(measures.meanLuma()).as("%dx%d", size[0], size[1]).isBetween(0.0, 255.0);
        }
    }

    @Test
    void greyAndBgraPicturesMeasureLikeTheirBgr() {
        try (Mat scene = Scenes.scene(1920, 1080, 3);
                Mat grey = new Mat();
                Mat bgra = new Mat()) {
            cvtColor(scene, grey, COLOR_BGR2GRAY);
            cvtColor(scene, bgra, COLOR_BGR2BGRA);
            PictureMeasures fromBgr = measurer.measure(scene);
            PictureMeasures fromGrey = measurer.measure(grey);
            PictureMeasures fromBgra = measurer.measure(bgra);

            assertThat(grey.type()).isEqualTo(CV_8UC1);
            assertThat(fromGrey.meanLuma()).isCloseTo(fromBgr.meanLuma(), within(1.0));
            assertThat(fromGrey.sharpness()).isCloseTo(fromBgr.sharpness(), within(0.05 * fromBgr.sharpness()));
            assertThat(Similarity.hammingDistance(fromGrey.hash(), fromBgr.hash()))
                    .isLessThanOrEqualTo(2);
            float[] thumbnail = fromGrey.thumbnail();
            assertThat(thumbnail[0]).isEqualTo(thumbnail[1]).isEqualTo(thumbnail[2]);

            assertThat(fromBgra.sharpness()).isEqualTo(fromBgr.sharpness());
            assertThat(fromBgra.hash()).isEqualTo(fromBgr.hash());
            assertThat(fromBgra.thumbnail()).containsExactly(fromBgr.thumbnail());
        }
    }

    @Test
    void thePictureIsNotModifiedAndMeasuringAgainGivesTheSame() {
        try (Mat scene = Scenes.scene(1920, 1080, 6);
                Mat copy = scene.clone();
                Mat difference = new Mat();
                Mat flat = new Mat()) {
            PictureMeasures first = measurer.measure(scene);
            measureAndClose(Scenes.scene(640, 480, 7));
            PictureMeasures again = measurer.measure(scene);

            absdiff(scene, copy, difference);
            assertThat(countNonZero(difference.reshape(1, 0))).isZero();
            assertThat(again.sharpness()).isEqualTo(first.sharpness());
            assertThat(again.hash()).isEqualTo(first.hash());
            assertThat(again.thumbnail()).containsExactly(first.thumbnail());
        }
    }

    @Test
    void aRegionOfAPictureIsMeasuredAsItsOwnPicture() {
        try (Mat wide = Scenes.scene(2496, 1080, 8);
                Mat window = Scenes.window(wide, 576, 1920);
                org.bytedeco.opencv.opencv_core.Rect area =
                        new org.bytedeco.opencv.opencv_core.Rect(576, 0, 1920, 1080);
                Mat view = wide.apply(area)) {
            PictureMeasures copied = measurer.measure(window);
            PictureMeasures viewed = measurer.measure(view);

            assertThat(viewed.sharpness()).isEqualTo(copied.sharpness());
            assertThat(viewed.thumbnail()).containsExactly(copied.thumbnail());
        }
    }

    @Test
    void unsupportedPicturesAreRefused() {
        try (Mat empty = new Mat();
                Mat deep = new Mat(4, 4, CV_16UC3)) {
            assertThatThrownBy(() -> measurer.measure(empty)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> measurer.measure(deep)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> measurer.measure(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aClosedMeasurerRefusesToMeasure() {
        PictureMeasurer closed = new PictureMeasurer();
        closed.close();
        closed.close();
        try (Mat picture = Scenes.uniform(4, 4, 0, 0, 0)) {
            assertThatThrownBy(() -> closed.measure(picture)).isInstanceOf(IllegalStateException.class);
        }
    }
}
