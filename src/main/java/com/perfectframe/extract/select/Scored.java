package com.perfectframe.extract.select;

/** A scored sample of a video, as selection rules see it; closing it releases its picture. */
public interface Scored extends AutoCloseable {

    /** Position among the video's samples: 0, 1, 2, … */
    int ordinal();

    /** The model's score of the sample. */
    float score();

    @Override
    void close();
}
