package com.perfectframe.score;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A model ready to score pictures: how to prepare a picture for it, and the scorer itself.
 *
 * <p>Preparation (resize, colour order, normalisation) belongs to the model because it must match how the model's
 * weights were trained.
 */
public interface ScoringModel extends AutoCloseable {

    /** Turns a full-size 8-bit BGR picture into the model's input tensor. Thread-safe. */
    float[] prepare(Mat bgr);

    /** Gives back a tensor from {@link #prepare} once it has been scored, so it can be reused. */
    default void recycle(float[] tensor) {}

    /** The scorer; used by one thread at a time. */
    FrameScorer scorer();

    @Override
    void close();
}
