package com.perfectframe.extract.select;

/**
 * A rule that decides which scored samples of one video are kept. Rules form a chain: each passes what it keeps
 * to the next one and closes what it drops; the last link hands frames to the writing stage. A new rule (a quality
 * gate, near-duplicate suppression, the N best) is a new class in the chain.
 *
 * <p>One chain per video, used by one thread: the pipeline's scoring thread. A rule owns every sample it is given
 * until it passes it on or closes it; samples it holds cost memory, so a rule holds as few as its decision needs.
 *
 * @param <C> the samples
 */
public interface FrameSelection<C extends Scored> {

    /**
     * Takes a scored sample, in any order of ordinals; the rule owns it from this call on. A rule never touches a
     * sample after passing it on; if it throws, the pipeline discards the chain and releases the sample unless it
     * reached the writer.
     */
    void offer(C sample) throws InterruptedException;

    /** A planned sample that will never come (it could not be decoded or prepared). */
    default void skipped(int ordinal) throws InterruptedException {}

    /**
     * A sample this rule passed on earlier (or that passed through it) is taken back: a later, better one replaced
     * it ({@link DistinctFrames}). A rule still holding it closes it; others pass the word on; the last link takes the
     * picture out of the video's staged outputs.
     */
    default void withdraw(int ordinal) {}

    /** The video is done: decide about everything held, pass on what is kept, then finish the next rule. */
    void finish() throws InterruptedException;

    /** The video failed or the job stopped: close everything held, here and in the next rules. */
    void discard();
}
