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

    /**
     * The longer side, in pixels, of the picture the model actually sees, so that readers can decode large photos
     * at a reduced scale that still leaves enough pixels; 0 when the preparer does not say (pictures are then
     * decoded at full size).
     */
    default int inputSide() {
        return 0;
    }
}
