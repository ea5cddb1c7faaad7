package com.perfectframe.image;

import java.io.IOException;

/**
 * A picture in a format that is recognised but cannot be decoded here (HEIC, AVIF): the message names the format
 * and says how to convert it, so such a file is listed, never silently skipped.
 */
public final class UnsupportedFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String format;

    UnsupportedFormatException(String format, String hint) {
        super("unsupported format (" + format + "): " + hint);
        this.format = format;
    }

    /** The format's short name, e.g. {@code HEIC}. */
    public String format() {
        return format;
    }
}
