package com.perfectframe.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Test pictures made in memory. A scene is drawn from a seed in coordinates relative to its size, so the same seed
 * gives the same content at 1920x1080 and 3840x2160: large colour fields (what thumbnails and hashes see), shapes,
 * text and patches of fine block noise (what the Laplacian sees).
 */
final class Scenes {

    private Scenes() {}

    static Mat scene(int width, int height, long seed) {
        Random random = new Random(seed);
        Mat picture = new Mat();
        try (Mat fields = randomPicture(4, 3, random)) {
            resize(fields, picture, new Size(width, height), 0, 0, INTER_LINEAR);
        }
        for (int i = 0; i < 12; i++) {
            Scalar colour = colour(random);
            int x = (int) (random.nextDouble() * width);
            int y = (int) (random.nextDouble() * height);
            int size = (int) ((0.05 + 0.2 * random.nextDouble()) * width);
            if (random.nextBoolean()) {
                try (Point a = new Point(x, y);
                        Point b = new Point(x + size, y + size * 2 / 3)) {
                    rectangle(picture, a, b, colour, -1, LINE_AA, 0);
                }
            } else {
                try (Point centre = new Point(x, y)) {
                    circle(picture, centre, size / 2, colour, -1, LINE_AA, 0);
                }
            }
        }
        // Fine block noise: a 192x108 grid of random cells, 10 pixels at 1920 wide, in three patches.
        try (Mat grid = randomPicture(192, 108, random);
                Mat blocks = new Mat()) {
            resize(grid, blocks, new Size(width, height), 0, 0, INTER_NEAREST);
            for (int i = 0; i < 3 && width >= 4 && height >= 4; i++) {
                int x = (int) (random.nextDouble() * width * 0.7);
                int y = (int) (random.nextDouble() * height * 0.7);
                try (Rect area = new Rect(x, y, width / 4, height / 4);
                        Mat from = blocks.apply(area);
                        Mat to = picture.apply(area)) {
                    from.copyTo(to);
                }
            }
        }
        double unit = width / 1920.0;
        for (int i = 0; i < 4; i++) {
            try (Point origin =
                    new Point((int) (random.nextDouble() * width * 0.6), (int) ((0.1 + 0.2 * i) * height))) {
                putText(
                        picture,
                        "Frame " + random.nextInt(1000),
                        origin,
                        FONT_HERSHEY_SIMPLEX,
                        2 * unit,
                        colour(random),
                        Math.max(1, (int) Math.round(3 * unit)),
                        LINE_AA,
                        false);
            }
        }
        return picture;
    }

    static Mat uniform(int width, int height, double b, double g, double r) {
        return new Mat(height, width, CV_8UC3, new Scalar(b, g, r, 0));
    }

    static Mat gaussianBlur(Mat picture, double sigma) {
        Mat out = new Mat();
        try (Size auto = new Size(0, 0)) {
            GaussianBlur(picture, out, auto, sigma);
        }
        return out;
    }

    /** A horizontal motion blur: the mean of {@code length} pixels along each row. */
    static Mat motionBlur(Mat picture, int length) {
        Mat out = new Mat();
        try (Mat kernel = new Mat(1, length, CV_32F, new Scalar(1.0 / length))) {
            filter2D(picture, out, -1, kernel);
        }
        return out;
    }

    /** The picture with gaussian noise of the given deviation added to each value (saturated to 0..255). */
    static Mat noisy(Mat picture, double deviation) {
        Mat out = new Mat();
        try (Mat wide = new Mat();
                Mat noise = new Mat(picture.size(), CV_16SC3);
                Mat zero = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(0));
                Mat spread = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(deviation))) {
            picture.convertTo(wide, CV_16SC3);
            randn(noise, zero, spread);
            add(wide, noise, wide);
            wide.convertTo(out, CV_8U);
        }
        return out;
    }

    /** Each value times {@code gain} (saturated). */
    static Mat scaled(Mat picture, double gain) {
        Mat out = new Mat();
        picture.convertTo(out, -1, gain, 0);
        return out;
    }

    /** {@code weight·a + (1−weight)·b}. */
    static Mat mix(Mat a, Mat b, double weight) {
        Mat out = new Mat();
        addWeighted(a, weight, b, 1 - weight, 0, out);
        return out;
    }

    /** A window of {@code width} columns of the picture starting at column {@code x}, copied. */
    static Mat window(Mat picture, int x, int width) {
        try (Rect area = new Rect(x, 0, width, picture.rows());
                Mat view = picture.apply(area)) {
            return view.clone();
        }
    }

    private static Mat randomPicture(int width, int height, Random random) {
        byte[] values = new byte[width * height * 3];
        random.nextBytes(values);
        Mat m = new Mat(height, width, CV_8UC3);
        m.data().put(values, 0, values.length);
        return m;
    }

    private static Scalar colour(Random random) {
        return new Scalar(random.nextInt(256), random.nextInt(256), random.nextInt(256), 0);
    }
}
