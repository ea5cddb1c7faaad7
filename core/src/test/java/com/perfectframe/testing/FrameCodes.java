package com.perfectframe.testing;

import java.awt.image.BufferedImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes a frame number into a picture as big black and white squares, and reads it back from a decoded picture,
 * so a test can tell exactly which frame of a video a written JPEG shows.
 */
public final class FrameCodes {

    public static final int COLUMNS = 4;
    public static final int ROWS = 3;
    public static final int BITS = COLUMNS * ROWS;

    private FrameCodes() {}

    /** RGB24 pixels of a frame showing the number. */
    public static byte[] rgbFrame(int width, int height, int number) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int bit = (y * ROWS / height) * COLUMNS + (x * COLUMNS / width);
                byte v = ((number >> bit) & 1) == 1 ? (byte) 235 : (byte) 20;
                int i = (y * width + x) * 3;
                rgb[i] = v;
                rgb[i + 1] = v;
                rgb[i + 2] = v;
            }
        }
        return rgb;
    }

    /** Reads the number back from the centre of each square of an 8-bit BGR picture. */
    public static int read(Mat bgr) {
        int number = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int col = bit % COLUMNS;
            int row = bit / COLUMNS;
            int cx = (2 * col + 1) * bgr.cols() / (2 * COLUMNS);
            int cy = (2 * row + 1) * bgr.rows() / (2 * ROWS);
            BytePointer pixel = bgr.ptr(cy, cx);
            int luma = (pixel.get(0) & 0xFF) + (pixel.get(1) & 0xFF) + (pixel.get(2) & 0xFF);
            if (luma > 3 * 128) {
                number |= 1 << bit;
            }
        }
        return number;
    }

    /** Reads the number back from the centre of each square. */
    public static int read(BufferedImage image) {
        int number = 0;
        int w = image.getWidth();
        int h = image.getHeight();
        for (int bit = 0; bit < BITS; bit++) {
            int col = bit % COLUMNS;
            int row = bit / COLUMNS;
            int cx = (2 * col + 1) * w / (2 * COLUMNS);
            int cy = (2 * row + 1) * h / (2 * ROWS);
            int rgb = image.getRGB(cx, cy);
            int luma = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
            if (luma > 3 * 128) {
                number |= 1 << bit;
            }
        }
        return number;
    }
}
