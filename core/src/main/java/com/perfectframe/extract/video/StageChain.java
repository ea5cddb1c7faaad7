package com.perfectframe.extract.video;

import com.perfectframe.video.VideoSample;

/**
 * The stages a decoded sample goes through after the decoder, opened together when a job starts and closed together
 * when it ends: prepare → score → select → write ({@link ScoringChain}), or straight to writing ({@link
 * WritingChain}). The decoder's {@link DecodeSink} hands each video's samples to it.
 */
interface StageChain<S extends VideoSample> extends AutoCloseable {

    /** The decoder says how many samples the video will give (0 when it cannot tell). */
    void planned(VideoRun<S> run, int samples);

    /**
     * Whether a decoded sample enters the chain; a chain that selects drops a sample delivered after a later one.
     * The caller closes a sample that is not admitted.
     */
    boolean admit(VideoRun<S> run, S sample) throws InterruptedException;

    /** Passes a sample on; the chain owns it from this call on, also when the call throws. */
    void pass(Candidate<S> candidate) throws InterruptedException;

    /** The decoder is done with the video, normally or not: no more of its samples will come. */
    void decodingEnded(VideoRun<S> run) throws InterruptedException;

    /** Whether every stage thread has ended (after {@link #close()}, unless one was stuck). */
    boolean terminated();

    /** Closes the stages in the order of the data flow, each after its producers stopped. */
    @Override
    void close();
}
