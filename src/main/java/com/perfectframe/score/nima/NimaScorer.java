package com.perfectframe.score.nima;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ModelIdentity;
import java.util.List;

/**
 * NIMA through DJL with one {@link Predictor} (and so one input buffer) for the scorer's whole life. Used by one
 * thread at a time, the pipeline's scoring thread; {@link #score} is synchronized only so that a mistaken second
 * caller waits instead of corrupting the shared buffer.
 */
final class NimaScorer implements FrameScorer {

    private final ZooModel<ImageBatch, float[]> model;
    private final Predictor<ImageBatch, float[]> predictor;
    private final ModelIdentity identity;

    NimaScorer(ZooModel<ImageBatch, float[]> model, ModelIdentity identity) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.identity = identity;
    }

    @Override
    public synchronized float[] score(List<float[]> images) {
        if (images.isEmpty()) {
            return new float[0];
        }
        try {
            return predictor.predict(new ImageBatch(images));
        } catch (TranslateException e) {
            throw new IllegalStateException("NIMA inference failed on a batch of " + images.size() + " images", e);
        }
    }

    @Override
    public ModelIdentity identity() {
        return identity;
    }

    @Override
    public synchronized void close() {
        try (model) {
            predictor.close();
        }
    }
}
