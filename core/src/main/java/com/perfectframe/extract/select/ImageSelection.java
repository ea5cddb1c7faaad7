package com.perfectframe.extract.select;

import java.nio.file.Path;
import java.util.List;

/**
 * A rule that decides which images of a folder are kept, once every image has a score. Scores arrive on the
 * scoring thread; the decision is taken once all have arrived. Holds only paths and scores, never pixels.
 */
public interface ImageSelection {

    /** One scored image; {@code index} is its position in the folder's name order. */
    record ScoredImage(int index, Path image, float score) {}

    void offer(ScoredImage image);

    /** Images scored so far. */
    int scored();

    /** The images kept, in the folder's name order. */
    List<ScoredImage> select();
}
