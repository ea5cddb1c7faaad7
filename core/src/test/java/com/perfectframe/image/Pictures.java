package com.perfectframe.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Test pictures made in memory: an asymmetric drawing, encodings, EXIF orientation written into the bytes. */
final class Pictures {

    private Pictures() {}

    /**
     * A picture no flip or rotation maps onto itself: a dark background, a red block top left, a green bar along
     * the bottom, a blue square right of the middle.
     */
    static Mat asymmetric(int width, int height) {
        Mat m = new Mat(height, width, CV_8UC3, new Scalar(40, 40, 40, 0));
        fill(m, 0, 0, width / 3, height / 4, new Scalar(0, 0, 230, 0));
        fill(m, 0, height * 4 / 5, width, height, new Scalar(0, 220, 0, 0));
        fill(m, width * 3 / 5, height / 3, width * 4 / 5, height / 2, new Scalar(230, 0, 0, 0));
        return m;
    }

    static void fill(Mat m, int x0, int y0, int x1, int y1, Scalar colour) {
        try (Point a = new Point(x0, y0);
                Point b = new Point(x1 - 1, y1 - 1)) {
            rectangle(m, a, b, colour, -1, 8, 0);
        }
    }

    static byte[] encode(Mat picture, String extension, int... params) {
        try (BytePointer out = new BytePointer();
                IntPointer p = new IntPointer(params)) {
            if (!imencode(extension, picture, out, p)) {
                throw new IllegalStateException("cannot encode " + extension);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.position(0).get(bytes);
            return bytes;
        }
    }

    /** A TIFF block (big-endian) whose IFD0 holds only the orientation. */
    static byte[] tiffOrientation(int orientation) {
        return ByteBuffer.allocate(26)
                .put(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8})
                .putShort((short) 1)
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0)
                .array();
    }

    /** The JPEG with an APP1 EXIF segment giving {@code orientation}, right after SOI. */
    static byte[] withJpegOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = tiffOrientation(orientation);
        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        return insert(jpeg, 2, segment(0xE1, concat(header, tiff)));
    }

    /** An APPn (or other) segment holding {@code payload}. */
    static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    /** The PNG with an eXIf chunk giving {@code orientation}, right after IHDR. */
    static byte[] withPngOrientation(byte[] png, int orientation) {
        byte[] data = tiffOrientation(orientation);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(new byte[] {'e', 'X', 'I', 'f'}).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return insert(png, 8 + 25, chunk.array());
    }

    static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }

    /** Mean absolute difference over all channels; the pictures must have the same size and type. */
    static double meanDifference(Mat a, Mat b) {
        try (Mat diff = new Mat()) {
            absdiff(a, b, diff);
            Scalar m = mean(diff);
            double sum = 0;
            for (int c = 0; c < a.channels(); c++) {
                sum += m.get(c);
            }
            return sum / a.channels();
        }
    }

    /** One pixel's channels, as ints. */
    static int[] pixel(Mat m, int x, int y) {
        UByteIndexer idx = m.createIndexer();
        int[] out = new int[m.channels()];
        for (int c = 0; c < out.length; c++) {
            out[c] = idx.get(y, x, c);
        }
        idx.close();
        return out;
    }
}
