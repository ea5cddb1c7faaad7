package com.perfectframe.score;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns a full-size picture into the model's input (resize, colour order, normalisation), the way the model's
 * weights were trained.
 *
 * <p>Not thread-safe: it keeps scratch memory between calls, so each preparing thread takes its own from {@link
 * ScoringModel#newPreparer()}.
 */
public interface PicturePreparer {

    /** Prepares an 8-bit BGR (or grey, or BGRA) picture of any size; {@code bgr} is not modified. */
    float[] prepare(Mat bgr);
}
