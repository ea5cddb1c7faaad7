package com.perfectframe.extract;

import java.util.Arrays;
import java.util.Optional;

/** The jobs a user can start, by the names the original tool's API and command line use. */
public enum ExtractorName {
    BEST_FRAMES("best_frames_extractor"),
    TOP_IMAGES("top_images_extractor");

    private final String id;

    ExtractorName(String id) {
        this.id = id;
    }

    /** The external name, e.g. {@code best_frames_extractor}. */
    public String id() {
        return id;
    }

    public static Optional<ExtractorName> parse(String id) {
        return Arrays.stream(values()).filter(name -> name.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
