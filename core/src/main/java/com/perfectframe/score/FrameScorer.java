package com.perfectframe.score;

import java.util.List;

/**
 * Scores prepared pictures for aesthetic quality, so the extractors can stay ignorant of the model behind it.
 *
 * <p>One thread at a time: the pipeline's scoring thread owns the scorer for the length of a job (the scorer keeps
 * one inference session and one input buffer for its whole life). Inputs come from a {@link PicturePreparer} of
 * the same model. Implementations hold native resources and must be closed.
 */
public interface FrameScorer extends AutoCloseable {

    /** Scores a batch; returns one score per picture, in order, on NIMA's 1–10 scale. */
    float[] score(List<float[]> pictures);

    /** What model produced the scores, for the manifest and the logs. */
    ModelIdentity identity();

    @Override
    void close();
}
