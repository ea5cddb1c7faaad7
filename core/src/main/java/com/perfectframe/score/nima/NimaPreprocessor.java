package com.perfectframe.score.nima;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.perfectframe.score.nima.convert.ConvertedModel;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns a picture into NIMA's input: 224×224 with Lanczos (OpenCV's INTER_LANCZOS4, as the original tool), RGB
 * order, float32 HWC, scaled by the chosen {@link Normalization}.
 *
 * <p>Not thread-safe: it keeps the resized picture's bytes between calls, so each preparing thread has its own.
 */
public final class NimaPreprocessor {

    /** Side of NIMA's square input. */
    public static final int SIZE = ConvertedModel.INPUT_SIZE;
    /** Floats per preprocessed image. */
    public static final int LENGTH = SIZE * SIZE * 3;

    private final Normalization normalization;
    private final byte[] pixels = new byte[LENGTH];

    public NimaPreprocessor(Normalization normalization) {
        this.normalization = Objects.requireNonNull(normalization);
    }

    public Normalization normalization() {
        return normalization;
    }

    /**
     * Preprocesses an 8-bit BGR image of any size (grey and BGRA are accepted too); {@code bgr} is not modified.
     *
     * @return 224·224·3 floats, row by row, R G B per pixel
     */
    public float[] preprocess(Mat bgr) {
        return preprocess(bgr, new float[LENGTH]);
    }

    /**
     * Preprocesses into a caller's array of 224·224·3 floats, so a pipeline can reuse its arrays instead of making
     * garbage for every picture.
     *
     * @return {@code out}
     */
    public float[] preprocess(Mat bgr, float[] out) {
        if (out.length != LENGTH) {
            throw new IllegalArgumentException("Expected an array of " + LENGTH + " floats, got " + out.length);
        }
        int type = bgr.type();
        int code;
        if (type == CV_8UC3) {
            code = COLOR_BGR2RGB;
        } else if (type == CV_8UC4) {
            code = COLOR_BGRA2RGB;
        } else if (type == CV_8UC1) {
            code = COLOR_GRAY2RGB;
        } else {
            throw new IllegalArgumentException("Expected an 8-bit BGR image, got OpenCV type " + type);
        }
        if (bgr.empty()) {
            throw new IllegalArgumentException("Cannot preprocess an empty image");
        }
        try (Size size = new Size(SIZE, SIZE);
                Mat resized = new Mat();
                Mat rgb = new Mat()) {
            resize(bgr, resized, size, 0, 0, INTER_LANCZOS4);
            cvtColor(resized, rgb, code);
            rgb.data().get(pixels);
        }
        for (int i = 0; i < LENGTH; i++) {
            out[i] = normalization.apply(pixels[i] & 0xFF);
        }
        return out;
    }
}
