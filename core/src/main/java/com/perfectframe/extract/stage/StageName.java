package com.perfectframe.extract.stage;

import java.util.Locale;

/** The stages of the pipelines, as named in failures, logs, thread names and the job status. */
public enum StageName {
    /** Sampling a video once per second (FFmpeg). */
    DECODE,
    /** Reading an image file. */
    READ,
    /** Turning a picture into the model's input. */
    PREPARE,
    /** Running the model. */
    SCORE,
    /** Choosing which pictures are kept. */
    SELECT,
    /** Encoding and writing a kept frame. */
    WRITE,
    /** Copying (or re-encoding) a kept image. */
    COPY;

    /** The lower-case name users see, e.g. {@code decode}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
