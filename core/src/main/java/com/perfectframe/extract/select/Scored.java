package com.perfectframe.extract.select;

import com.perfectframe.quality.PictureMeasures;

/** A scored sample of a video, as selection rules see it; closing it releases its picture. */
public interface Scored extends AutoCloseable {

    /** Position among the video's samples: 0, 1, 2, … */
    int ordinal();

    /** The model's score of the sample. */
    float score();

    /** Time of the sample from the start of its video. */
    double seconds();

    /** What the quality rules measured on the prepared picture, or null when no rule needs it. */
    PictureMeasures measures();

    /** Whether this sample wins over another: a higher score, or on a tie the earlier sample. */
    default boolean beats(Scored other) {
        return score() > other.score() || (score() == other.score() && ordinal() < other.ordinal());
    }

    @Override
    void close();
}
