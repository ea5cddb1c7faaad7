package com.perfectframe.video;

import java.nio.file.Path;

/**
 * One 1-second sample of a video, as the stages after decoding see it: where it comes from and how big it is. Its
 * receiver owns it and must close it, which releases its pixels.
 */
public interface VideoSample extends AutoCloseable {

    Path video();

    /** Position among the video's samples: 0, 1, 2, … */
    int ordinal();

    /** Position of the frame in display order, counted from the first shown frame. */
    long frameNumber();

    /** Presentation time from the start of the video. */
    double seconds();

    int width();

    int height();

    /** Bytes of its decoded pixels, for memory budgets: 4:2:0 as decoders usually give. */
    default long bytes() {
        return (long) width() * height() * 3 / 2;
    }

    @Override
    void close();
}
