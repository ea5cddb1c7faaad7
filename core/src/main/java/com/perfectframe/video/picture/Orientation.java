package com.perfectframe.video.picture;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_core.transpose;

import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How a decoded picture must be turned to be shown upright: phones record portrait video as landscape frames plus
 * a display matrix saying "rotate 90° clockwise", and front cameras add mirroring.
 *
 * <p>The eight cases are the quarter turns with and without mirroring; a display matrix that is not one of them (a
 * free angle, which no camera writes) is shown unturned, as decoded.
 */
public enum Orientation {
    UPRIGHT,
    MIRRORED,
    FLIPPED,
    ROTATED_180,
    ROTATED_CLOCKWISE,
    ROTATED_COUNTERCLOCKWISE,
    TRANSPOSED,
    TRANSVERSED;

    /**
     * Reads FFmpeg's display matrix (libavutil/display.h: nine 32-bit values, the 2×2 part in 16.16 fixed point),
     * which maps a decoded pixel (p, q) to the shown one: p' = a·p + c·q, q' = b·p + d·q, with y pointing down.
     *
     * @param matrix the nine values, or null when the video has none
     */
    public static Orientation ofDisplayMatrix(int[] matrix) {
        if (matrix == null || matrix.length < 5) {
            return UPRIGHT;
        }
        int a = unit(matrix[0]);
        int b = unit(matrix[1]);
        int c = unit(matrix[3]);
        int d = unit(matrix[4]);
        if (a == Integer.MIN_VALUE || b == Integer.MIN_VALUE || c == Integer.MIN_VALUE || d == Integer.MIN_VALUE) {
            return UPRIGHT;
        }
        if (b == 0 && c == 0 && a != 0 && d != 0) {
            if (a > 0) {
                return d > 0 ? UPRIGHT : FLIPPED;
            }
            return d > 0 ? MIRRORED : ROTATED_180;
        }
        if (a == 0 && d == 0 && b != 0 && c != 0) {
            if (b > 0) {
                return c < 0 ? ROTATED_CLOCKWISE : TRANSPOSED;
            }
            return c > 0 ? ROTATED_COUNTERCLOCKWISE : TRANSVERSED;
        }
        return UPRIGHT;
    }

    /**
     * The orientation a display matrix among coded side data gives (a stream's, or a HEIF tile grid's, where FFmpeg
     * puts the {@code irot} and {@code imir} properties), upright when there is none.
     *
     * @param sideData the first element of the array, possibly null
     * @param count its length
     */
    public static Orientation ofSideData(AVPacketSideData sideData, int count) {
        return ofDisplayMatrix(SideData.displayMatrix(sideData, count));
    }

    /** -1, 0 or 1 for a 16.16 value within 1% of it; MIN_VALUE for anything else (a free angle or a scaling). */
    private static int unit(int fixed) {
        double value = fixed / 65536.0;
        if (Math.abs(value) < 0.01) {
            return 0;
        }
        if (Math.abs(Math.abs(value) - 1) < 0.01) {
            return value > 0 ? 1 : -1;
        }
        return Integer.MIN_VALUE;
    }

    /**
     * Turns the picture; returns it unchanged when upright, otherwise a new picture (the caller closes both).
     */
    public Mat apply(Mat picture) {
        if (this == UPRIGHT) {
            return picture;
        }
        Mat turned = new Mat();
        switch (this) {
            case MIRRORED -> flip(picture, turned, 1);
            case FLIPPED -> flip(picture, turned, 0);
            case ROTATED_180 -> rotate(picture, turned, ROTATE_180);
            case ROTATED_CLOCKWISE -> rotate(picture, turned, ROTATE_90_CLOCKWISE);
            case ROTATED_COUNTERCLOCKWISE -> rotate(picture, turned, ROTATE_90_COUNTERCLOCKWISE);
            case TRANSPOSED -> transpose(picture, turned);
            case TRANSVERSED -> {
                transpose(picture, turned);
                flip(turned, turned, -1);
            }
            default -> throw new IllegalStateException(name());
        }
        return turned;
    }
}
