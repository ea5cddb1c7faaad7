package com.perfectframe.score;

/**
 * A model ready to score pictures: how to prepare a picture for it, and the scorer itself.
 *
 * <p>Loaded once per process and shared by the jobs that run one after the other; whoever loaded it closes it
 * (see {@link ProcessModel}).
 */
public interface ScoringModel extends AutoCloseable {

    /** A preparer for one preparing thread. */
    PicturePreparer newPreparer();

    /** Gives back an input from a preparer once it has been scored, so it can be reused. Thread-safe. */
    default void recycle(float[] input) {}

    /** The scorer; used by one thread at a time (see {@link FrameScorer}). */
    FrameScorer scorer();

    @Override
    void close();
}
