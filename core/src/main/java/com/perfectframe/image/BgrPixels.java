package com.perfectframe.image;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Brings a picture decoded as stored ({@code IMREAD_UNCHANGED}: 8 or 16 bits, grey, BGR or BGRA) to 8-bit BGR:
 * 16-bit values are scaled (÷257), grey is repeated in the three channels, and transparency is composited over
 * white, as a viewer on a white page shows it (dropping alpha would show what transparent pixels happen to store,
 * often black).
 */
final class BgrPixels {

    private BgrPixels() {}

    /** The picture as 8-bit BGR; closes {@code picture} when it returns a new one. */
    static Mat of(Mat picture) {
        Mat eight = toEightBits(picture);
        Mat bgr;
        try {
            bgr = switch (eight.channels()) {
                case 3 -> eight;
                case 1 -> convert(eight, COLOR_GRAY2BGR);
                case 4 -> overWhite(eight);
                default -> throw new IllegalArgumentException(eight.channels() + "-channel pictures are not supported");
            };
        } catch (RuntimeException e) {
            eight.close();
            throw e;
        }
        if (bgr != eight) {
            eight.close();
        }
        return bgr;
    }

    private static Mat toEightBits(Mat picture) {
        int depth = picture.depth();
        if (depth == CV_8U) {
            return picture;
        }
        double scale = switch (depth) {
            case CV_16U -> 1 / 257.0;
            case CV_32F -> 255.0;
            default -> throw new IllegalArgumentException("pictures of OpenCV depth " + depth + " are not supported");
        };
        Mat out = new Mat();
        try {
            picture.convertTo(out, CV_8U, scale, 0);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        picture.close();
        return out;
    }

    private static Mat convert(Mat picture, int code) {
        Mat out = new Mat();
        try {
            cvtColor(picture, out, code);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** colour · α/255 + 255 − α, per channel. */
    private static Mat overWhite(Mat bgra) {
        try (Mat bgr = convert(bgra, COLOR_BGRA2BGR);
                Mat alpha = new Mat()) {
            extractChannel(bgra, alpha, 3);
            return overWhite(bgr, alpha);
        }
    }

    /**
     * An 8-bit BGR picture over white through a one-channel alpha plane of its size, as a new picture: colour ·
     * α/255 + 255 − α, per channel.
     */
    static Mat overWhite(Mat bgr, Mat alpha) {
        Mat out = bgr.clone();
        try (Mat alpha3 = new Mat()) {
            cvtColor(alpha, alpha3, COLOR_GRAY2BGR);
            multiply(out, alpha3, out, 1 / 255.0, -1);
            bitwise_not(alpha3, alpha3);
            add(out, alpha3, out);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
