package com.perfectframe.score.nima;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ModelIdentity;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * NIMA through DJL: one {@link Predictor}, one input buffer and one inference thread for the scorer's whole life.
 *
 * <p>Every batch runs on the scorer's own thread, whichever job's scoring stage asks: TensorFlow and oneDNN keep
 * per-thread caches, and a new calling thread per job made a long-running service grow by tens of megabytes per
 * job. It also makes the one-at-a-time contract hold by construction: a second caller waits its turn.
 */
final class NimaScorer implements FrameScorer {

    private final ZooModel<ImageBatch, float[]> model;
    private final Predictor<ImageBatch, float[]> predictor;
    private final ModelIdentity identity;
    private final ExecutorService inference = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "nima-inference");
        thread.setDaemon(true);
        return thread;
    });

    NimaScorer(ZooModel<ImageBatch, float[]> model, ModelIdentity identity) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.identity = identity;
    }

    /**
     * Scores a batch on the inference thread. An interrupted caller still waits for the batch in progress (at most
     * one model call), so that no prediction outlives its inputs, then keeps its interrupt status.
     */
    @Override
    public float[] score(List<float[]> images) {
        if (images.isEmpty()) {
            return new float[0];
        }
        ImageBatch batch = new ImageBatch(images);
        Future<float[]> result = inference.submit(() -> predictor.predict(batch));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = root.getMessage() != null
                    ? root.getMessage()
                    : root.getClass().getSimpleName();
            throw new IllegalStateException(
                    "NIMA inference failed on a batch of " + images.size() + " images: " + reason, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ModelIdentity identity() {
        return identity;
    }

    @Override
    public void close() {
        inference.shutdown();
        try {
            inference.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (model) {
            predictor.close();
        }
    }
}
