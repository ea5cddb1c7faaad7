package com.perfectframe.testing;

import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ModelIdentity;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A scorer for tests: each input's score is a known function of it; records the largest batch it saw. */
public final class StubScorer implements FrameScorer {

    /** The score of one input. */
    @FunctionalInterface
    public interface Rule {
        float score(float[] input);
    }

    private final Rule rule;
    private final AtomicInteger largestBatch = new AtomicInteger();

    public StubScorer(Rule rule) {
        this.rule = rule;
    }

    @Override
    public float[] score(List<float[]> inputs) {
        largestBatch.accumulateAndGet(inputs.size(), Math::max);
        float[] scores = new float[inputs.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rule.score(inputs.get(i));
        }
        return scores;
    }

    public int largestBatch() {
        return largestBatch.get();
    }

    @Override
    public ModelIdentity identity() {
        return new ModelIdentity("stub", true, "CPU");
    }

    @Override
    public void close() {}
}
