package com.perfectframe.video;

/**
 * Receives the samples of one video as they are decoded, in increasing order of their ordinal when one decoder
 * runs; it owns each sample it is given and must close it.
 *
 * @param <S> the kind of sample
 */
public interface SampleSink<S extends VideoSample> {

    /** Called once, before the first sample, with the number of samples the video will give (0 if unknown). */
    default void planned(int samples) {}

    /** Takes one sample; may block to hold the decoder back when later stages are busy. */
    void accept(S sample) throws InterruptedException;
}
