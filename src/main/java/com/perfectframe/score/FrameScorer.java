package com.perfectframe.score;

import java.util.List;

/**
 * Scores pictures for aesthetic quality, so the extractors can stay ignorant of the model behind it.
 *
 * <p>Input images are already preprocessed by the caller (for NIMA: {@code image.NimaPreprocessor}): 224×224, RGB,
 * HWC float32, normalised as the model expects. {@link #score} may be called from several threads at once.
 * Implementations hold native resources and must be closed.
 */
public interface FrameScorer extends AutoCloseable {

    /** Scores a batch; returns one score per image, in order, on NIMA's 1–10 scale. */
    float[] score(List<float[]> images);

    /** What model produced the scores, for the manifest and the logs. */
    ModelIdentity identity();

    @Override
    void close();
}
