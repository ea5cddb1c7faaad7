package com.perfectframe.score;

import java.util.List;

/**
 * Scores prepared pictures for aesthetic quality, so the extractors can stay ignorant of the model behind it.
 *
 * <p>A job's scoring thread uses it for the length of the job. Jobs running side by side in one process (the Spark
 * job's concurrent tasks) share it: NIMA's scorer runs every caller's batches in turn on its one inference thread,
 * which owns the inference session and its input buffer. Inputs come from a {@link PicturePreparer} of the same
 * model. Implementations hold native resources and must be closed.
 */
public interface FrameScorer extends AutoCloseable {

    /** Scores a batch; returns one score per picture, in order, on NIMA's 1–10 scale. */
    float[] score(List<float[]> pictures);

    /** What model produced the scores, for the manifest and the logs. */
    ModelIdentity identity();

    @Override
    void close();
}
