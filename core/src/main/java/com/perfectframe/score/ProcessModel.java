package com.perfectframe.score;

import java.util.function.Supplier;

/**
 * The process's one scoring model: loaded at the first job that scores, reused by every later job, closed when the
 * process shuts down. Loading TensorFlow and 220 MB of weights per job would cost seconds and, measured on the
 * service, hundreds of megabytes that the native allocator never gives back.
 *
 * <p>A load that fails is not remembered, so a user who puts the weights in place after a failed job only has to
 * start the next one.
 */
public final class ProcessModel implements ModelSource, AutoCloseable {

    private final Supplier<ScoringModel> loader;
    private ScoringModel model;
    private boolean closed;

    /** @param loader loads the model; called at most once per successful load */
    public ProcessModel(Supplier<ScoringModel> loader) {
        this.loader = loader;
    }

    @Override
    public synchronized ScoringModel get() {
        if (closed) {
            throw new IllegalStateException("the scoring model was closed at shutdown");
        }
        if (model == null) {
            model = loader.get();
        }
        return model;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
