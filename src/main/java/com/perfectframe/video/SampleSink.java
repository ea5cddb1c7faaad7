package com.perfectframe.video;

/** Receives the samples of one video as they are decoded; it owns each frame it is given and must close it. */
public interface SampleSink {

    /** Called once, before the first sample, with the number of samples the video will give (0 if unknown). */
    default void planned(int samples) {}

    /** Takes one sample; may block to hold the decoder back when later stages are busy. */
    void accept(SampledFrame frame) throws InterruptedException;
}
