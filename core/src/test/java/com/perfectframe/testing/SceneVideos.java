package com.perfectframe.testing;

import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Videos made of scenes drawn in Java, second by second, for the tests of the selection rules: sharp textured
 * scenes, and the seconds that must never win (motion blur, fades through black, dissolves, flat grey). Each second
 * is drawn as a picture, then encoded by the ffmpeg tool at a few frames per second.
 */
public final class SceneVideos {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;

    private SceneVideos() {}

    /** A sharp scene of random coloured rectangles, different for every seed; {@code jitter} moves it slightly. */
    public static Mat scene(int seed, int jitter) {
        Mat picture = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(60 + seed * 37 % 120, 90, 140 - seed * 23 % 100, 0));
        Random random = new Random(seed);
        for (int i = 0; i < 60; i++) {
            int x = random.nextInt(WIDTH) + jitter;
            int y = random.nextInt(HEIGHT);
            int w = 8 + random.nextInt(50);
            int h = 8 + random.nextInt(50);
            rectangle(
                    picture,
                    new Point(x, y),
                    new Point(x + w, y + h),
                    new Scalar(random.nextInt(256), random.nextInt(256), random.nextInt(256), 0),
                    -1,
                    8,
                    0);
        }
        return picture;
    }

    /** The scene smeared as by a fast pan (a strong horizontal blur). */
    public static Mat blurred(Mat scene) {
        Mat blurred = new Mat();
        GaussianBlur(scene, blurred, new Size(0, 0), 9, 1.5, BORDER_DEFAULT, ALGO_HINT_DEFAULT);
        return blurred;
    }

    /** {@code weight}·a + (1 − weight)·b: a dissolve, or with a black b a fade. */
    public static Mat mix(Mat a, Mat b, double weight) {
        Mat mixed = new Mat();
        addWeighted(a, weight, b, 1 - weight, 0, mixed);
        return mixed;
    }

    public static Mat uniform(int level) {
        return new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(level, level, level, 0));
    }

    /**
     * Encodes one picture per second, each shown for a whole second at {@code fps} frames per second (H.264, a
     * keyframe every second so that the sampler lands on it).
     *
     * @param seconds the picture of second k; it is closed after use
     */
    public static Path encode(Path file, int seconds, int fps, IntFunction<Mat> seconds2picture) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "bgr24",
                "-s",
                WIDTH + "x" + HEIGHT,
                "-r",
                Integer.toString(fps),
                "-i",
                "-",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "14",
                "-pix_fmt",
                "yuv420p",
                "-g",
                Integer.toString(fps),
                file.toString()));
        byte[] bytes = new byte[WIDTH * HEIGHT * 3];
        TestVideos.run(command, out -> {
            for (int k = 0; k < seconds; k++) {
                try (Mat picture = seconds2picture.apply(k)) {
                    picture.data().get(bytes);
                }
                for (int f = 0; f < fps; f++) {
                    out.write(bytes);
                }
            }
        });
        return file;
    }
}
