package com.perfectframe.video.picture;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Removes the combing of interlaced video (camcorders, broadcast, 1080i) from one picture: the two fields of a
 * frame were filmed 1/50 s apart, so anything moving shows as teeth on alternate lines.
 *
 * <p>Works on the single sample alone, without its neighbours: the field shown first is kept, and a pixel of the
 * other field is rebuilt from the lines above and below only where it is combed, i.e. where it is brighter or
 * darker than both of them by more than a threshold (the test of MPlayer's kerndeint). Still parts keep their full
 * vertical detail. Not thread-safe: it keeps a scratch buffer between pictures.
 */
final class Deinterlacer {

    /** Difference from the average of the lines above and below, per channel, that counts as combing. */
    private static final int THRESHOLD = 10;

    private byte[] pixels = new byte[0];

    /**
     * Deinterlaces an 8-bit BGR picture in place.
     *
     * @param topFieldFirst whether the even lines (0, 2, …) were filmed first
     */
    void apply(Mat bgr, boolean topFieldFirst) {
        if (bgr.type() != CV_8UC3 || !bgr.isContinuous()) {
            throw new IllegalArgumentException("expected continuous 8-bit BGR");
        }
        int rows = bgr.rows();
        int stride = bgr.cols() * 3;
        if (rows < 2) {
            return;
        }
        int size = rows * stride;
        if (pixels.length < size) {
            pixels = new byte[size];
        }
        bgr.data().get(pixels, 0, size);
        for (int y = topFieldFirst ? 1 : 0; y < rows; y += 2) {
            int row = y * stride;
            if (y == 0 || y == rows - 1) {
                int neighbour = (y == 0 ? 1 : rows - 2) * stride;
                System.arraycopy(pixels, neighbour, pixels, row, stride);
                continue;
            }
            int above = row - stride;
            int below = row + stride;
            for (int x = 0; x < stride; x += 3) {
                int a = sum(pixels, above + x);
                int b = sum(pixels, row + x);
                int c = sum(pixels, below + x);
                boolean extremum = (b - a) > 0 == (b - c) > 0 && b != a && b != c;
                if (extremum && Math.abs(2 * b - a - c) > 2 * 3 * THRESHOLD) {
                    for (int k = 0; k < 3; k++) {
                        int i = x + k;
                        pixels[row + i] = (byte) (((pixels[above + i] & 0xFF) + (pixels[below + i] & 0xFF) + 1) >> 1);
                    }
                }
            }
        }
        bgr.data().put(pixels, 0, size);
    }

    private static int sum(byte[] pixels, int i) {
        return (pixels[i] & 0xFF) + (pixels[i + 1] & 0xFF) + (pixels[i + 2] & 0xFF);
    }
}
