package com.perfectframe.score.nima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NimaPreprocessorTests {

    @TempDir
    Path dir;

    /** 300×150 BGR: left half pure red, right half pure blue. */
    private static Mat redLeftBlueRight() {
        Mat image = new Mat(150, 300, CV_8UC3, new Scalar(255, 0, 0, 0)); // blue in BGR
        try (Rect left = new Rect(0, 0, 150, 150);
                Mat roi = image.apply(left);
                Scalar red = new Scalar(0, 0, 255, 0)) {
            roi.put(red);
        }
        return image;
    }

    private static float[] pixel(float[] img, int x, int y) {
        int i = (y * 224 + x) * 3;
        return new float[] {img[i], img[i + 1], img[i + 2]};
    }

    @Test
    void resizesToNimaSizeInRgbOrderScaledToMinusOneToOne() {
        try (Mat image = redLeftBlueRight()) {
            float[] out = new NimaPreprocessor(Normalization.TRAINED).preprocess(image);
            assertThat(out).hasSize(224 * 224 * 3);
            assertThat(pixel(out, 10, 100)).containsExactly(1f, -1f, -1f);
            assertThat(pixel(out, 213, 100)).containsExactly(-1f, -1f, 1f);
            for (float v : out) {
                assertThat(v).isBetween(-1f, 1f);
            }
        }
    }

    @Test
    void originalNormalizationDividesBy255() {
        try (Mat image = redLeftBlueRight()) {
            float[] out = new NimaPreprocessor(Normalization.ORIGINAL).preprocess(image);
            assertThat(pixel(out, 10, 100)).containsExactly(1f, 0f, 0f);
            assertThat(pixel(out, 213, 5)).containsExactly(0f, 0f, 1f);
        }
    }
}
