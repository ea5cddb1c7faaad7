package com.perfectframe.score.nima;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ModelIdentity;
import java.util.List;

/**
 * NIMA through DJL: each call takes its own {@link Predictor} (cheap; the TensorFlow session is shared and
 * thread-safe), so any number of scoring threads may call {@link #score} at once.
 */
final class NimaScorer implements FrameScorer {

    private final ZooModel<ImageBatch, float[]> model;
    private final ModelIdentity identity;

    NimaScorer(ZooModel<ImageBatch, float[]> model, ModelIdentity identity) {
        this.model = model;
        this.identity = identity;
    }

    @Override
    public float[] score(List<float[]> images) {
        if (images.isEmpty()) {
            return new float[0];
        }
        ImageBatch batch = new ImageBatch(images);
        try (Predictor<ImageBatch, float[]> predictor = model.newPredictor()) {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("NIMA inference failed on a batch of " + images.size() + " images", e);
        }
    }

    @Override
    public ModelIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        model.close();
    }
}
