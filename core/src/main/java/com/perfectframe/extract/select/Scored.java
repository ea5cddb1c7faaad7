package com.perfectframe.extract.select;

import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.ShotSegmenter.ShotMark;

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

    /** The sample's shot and role, once {@link ShotLabels} marked it; null before, or without shot segmentation. */
    default ShotMark shot() {
        return null;
    }

    /** Records the sample's shot and role ({@link ShotLabels} does, before passing the sample on). */
    default void shot(ShotMark mark) {
        throw new UnsupportedOperationException("this sample cannot carry a shot");
    }

    /** Whether this sample wins over another: a higher score, or on a tie the earlier sample. */
    default boolean beats(Scored other) {
        return score() > other.score() || (score() == other.score() && ordinal() < other.ordinal());
    }

    @Override
    void close();
}
