package com.perfectframe.image;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded picture for scoring: 8-bit BGR, turned as its EXIF orientation says, possibly decoded at a reduced
 * scale, and what was noticed on the way (a cut file). Closing it frees the pixels and gives back the memory
 * reserved for it.
 */
public final class DecodedImage implements AutoCloseable {

    private final Mat bgr;
    private final int scale;
    private final boolean truncated;
    private final MemoryGate.Reservation reservation;

    DecodedImage(Mat bgr, int scale, boolean truncated, MemoryGate.Reservation reservation) {
        this.bgr = bgr;
        this.scale = scale;
        this.truncated = truncated;
        this.reservation = reservation;
    }

    /** The pixels; owned by this object. */
    public Mat bgr() {
        return bgr;
    }

    /** 1 for full size, else the reduction (2, 4 or 8) the picture was decoded at. */
    public int scale() {
        return scale;
    }

    /** The file ends before its picture does: what is missing was filled in by the decoder. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public void close() {
        try {
            bgr.close();
        } finally {
            reservation.close();
        }
    }
}
