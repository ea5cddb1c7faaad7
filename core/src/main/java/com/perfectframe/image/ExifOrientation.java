package com.perfectframe.image;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_core.transpose;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * EXIF orientation (tag 0x0112) where OpenCV does not apply it itself: pictures decoded with their alpha channel
 * ({@code IMREAD_UNCHANGED} skips OpenCV's own orientation step). Same transforms as OpenCV's.
 */
final class ExifOrientation {

    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {}

    /**
     * The orientation in an EXIF block (a TIFF header and IFD0, optionally after "Exif\0\0"), 1 when absent or
     * unreadable.
     */
    static int read(ByteBuffer exif) {
        try {
            ByteBuffer b = exif.slice().order(ByteOrder.BIG_ENDIAN);
            if (b.remaining() >= 6 && b.get(0) == 'E' && b.get(1) == 'x' && b.get(2) == 'i' && b.get(3) == 'f') {
                b.position(6);
                b = b.slice();
            }
            if (b.remaining() < 8) {
                return 1;
            }
            if (b.get(0) == 'I' && b.get(1) == 'I') {
                b.order(ByteOrder.LITTLE_ENDIAN);
            } else if (!(b.get(0) == 'M' && b.get(1) == 'M')) {
                return 1;
            }
            int ifd = b.getInt(4);
            int count = b.getShort(ifd) & 0xFFFF;
            for (int i = 0; i < count; i++) {
                int entry = ifd + 2 + 12 * i;
                if ((b.getShort(entry) & 0xFFFF) == TAG_ORIENTATION) {
                    int value = b.getShort(entry + 8) & 0xFFFF;
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            // A damaged EXIF block: the picture is shown as stored.
        }
        return 1;
    }

    /**
     * A copy of a TIFF block (no "Exif" prefix) whose orientation, if it has one, says 1 (as stored): for a picture
     * written already turned, which a viewer must not turn again. Unreadable blocks are copied as they are.
     */
    static byte[] upright(byte[] tiff) {
        byte[] copy = tiff.clone();
        try {
            ByteBuffer b = ByteBuffer.wrap(copy).order(copy[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd = b.getInt(4);
            int count = b.getShort(ifd) & 0xFFFF;
            for (int i = 0; i < count; i++) {
                int entry = ifd + 2 + 12 * i;
                if ((b.getShort(entry) & 0xFFFF) == TAG_ORIENTATION && (b.getShort(entry + 2) & 0xFFFF) == 3) {
                    b.putShort(entry + 8, (short) 1);
                }
            }
        } catch (IndexOutOfBoundsException e) {
            // A damaged block: kept as it is.
        }
        return copy;
    }

    /** Turns a stored picture the way orientation {@code value} says it is displayed; returns {@code picture} or a new one. */
    static Mat apply(Mat picture, int value) {
        if (value <= 1 || value > 8) {
            return picture;
        }
        Mat out = new Mat();
        try {
            switch (value) {
                case 2 -> flip(picture, out, 1);
                case 3 -> flip(picture, out, -1);
                case 4 -> flip(picture, out, 0);
                case 5 -> transpose(picture, out);
                case 6 -> rotate(picture, out, ROTATE_90_CLOCKWISE);
                case 7 -> {
                    transpose(picture, out);
                    flip(out, out, -1);
                }
                default -> rotate(picture, out, ROTATE_90_COUNTERCLOCKWISE);
            }
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        picture.close();
        return out;
    }
}
