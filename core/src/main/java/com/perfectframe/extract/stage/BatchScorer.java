package com.perfectframe.extract.stage;

import com.perfectframe.score.FrameScorer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The scoring stage's call to the model, shared by the video and image pipelines: one batch of prepared inputs in,
 * one score per input out (a model that answers with another count is a failure, not a shifted result), and each
 * input handed back to the model's pool once it has been scored.
 */
public final class BatchScorer {

    private final FrameScorer scorer;
    private final Consumer<float[]> recycle;

    /** @param recycle takes back an input once scored (the model's input pool), or does nothing */
    public BatchScorer(FrameScorer scorer, Consumer<float[]> recycle) {
        this.scorer = scorer;
        this.recycle = recycle;
    }

    /**
     * Scores the inputs, in order, then recycles them: the caller must not use them afterwards.
     *
     * @throws IllegalStateException when the model gives a score count other than the input count
     */
    public float[] scoreAndRecycle(List<float[]> inputs) {
        if (inputs.isEmpty()) {
            return new float[0];
        }
        float[] scores = scorer.score(inputs);
        if (scores.length != inputs.size()) {
            throw new IllegalStateException(
                    "the model gave " + scores.length + " scores for " + inputs.size() + " pictures");
        }
        inputs.forEach(recycle);
        return scores;
    }
}
