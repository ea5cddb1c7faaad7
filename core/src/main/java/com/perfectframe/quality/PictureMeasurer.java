package com.perfectframe.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Measures pictures into {@link PictureMeasures}. Not thread-safe: it reuses its scratch pictures between calls, so
 * that measuring every sample of a video allocates almost nothing; use one per preparing thread. {@link #close}
 * releases the native memory.
 *
 * <p>The picture is first reduced with {@code INTER_AREA} so that its long side is {@link #WORKING_SIDE}; every
 * measure is taken there. That keeps the cost small and nearly independent of the resolution, and makes the numbers
 * (sharpness above all) compare between a 1080p and a 4K video of the same scene. A picture smaller than that is
 * measured as it is, never enlarged.
 *
 * <p>Cost, measured on the development machine (one core, OpenCV limited to one thread, median of 50 after
 * warm-up): about 1.3 ms for a 1920x1080 picture, 3.7 ms for 3840x2160 and 2.5 ms for 1280x720 (whose last
 * reduction, by 4/3, takes the general {@code INTER_AREA} path). Nearly all of it is the reduction, which reads
 * every pixel once.
 */
public final class PictureMeasurer implements AutoCloseable {

    /**
     * The long side, in pixels, pictures are reduced to before measuring. 480 is 1920 and 3840 halved two and three
     * times, so 1080p and 4K reach it by 2x2 means alone (the cheap path; a general {@code INTER_AREA} step from 1080p
     * costs three times as much). It keeps enough detail for the Laplacian to tell blur: a 1-second motion-blurred pan
     * (25 pixels at 1080p, 6 here) or a defocus of sigma 3 at 1080p measures a fifth of the sharp picture or less,
     * where at 256 the defocus would shrink to 0.4 pixel and barely show.
     */
    public static final int WORKING_SIDE = 480;

    /**
     * The hash's cells are compared with this margin, in luma levels (0..255): a bit is set when the left cell is
     * brighter than its right neighbour by more than this. Without it, flat areas (black frames, skies) would get
     * bits set by noise alone and two dark frames of one shot would look different.
     */
    static final double HASH_MARGIN = 1.0;

    private static final int HASH_COLUMNS = 9;
    private static final int HASH_ROWS = 8;

    private final Mat halfA = new Mat();
    private final Mat halfB = new Mat();
    private final Mat small = new Mat();
    private final Mat quarter = new Mat();
    private final Mat quarterGrey = new Mat();
    private final Mat grey = new Mat();
    private final Mat laplacian = new Mat();
    private final Mat mask = new Mat();
    private final Mat greyFloat = new Mat();
    private final Mat cells = new Mat();
    private final Mat thumb = new Mat();
    private final Mat mean = new Mat();
    private final Mat deviation = new Mat();
    private final Size hashSize = new Size(HASH_COLUMNS, HASH_ROWS);
    private final Size thumbSize = new Size(PictureMeasures.THUMBNAIL_SIDE, PictureMeasures.THUMBNAIL_SIDE);
    private final byte[] thumbBytes = new byte[PictureMeasures.THUMBNAIL_SIDE * PictureMeasures.THUMBNAIL_SIDE * 4];
    private boolean closed;

    /** A measurer with its scratch pictures not yet allocated (the first call sizes them). */
    public PictureMeasurer() {}

    /**
     * Measures an 8-bit picture of any size, 1x1 included: BGR ({@code CV_8UC3}), grey ({@code CV_8UC1}) or BGRA
     * ({@code CV_8UC4}, the alpha ignored). The picture is not modified.
     *
     * @throws IllegalArgumentException for an empty picture or another depth or channel count
     * @throws IllegalStateException once closed
     */
    public PictureMeasures measure(Mat bgr) {
        if (closed) {
            throw new IllegalStateException("the measurer is closed");
        }
        if (bgr == null || bgr.empty()) {
            throw new IllegalArgumentException("no picture to measure");
        }
        int channels = bgr.channels();
        if (bgr.depth() != CV_8U || (channels != 1 && channels != 3 && channels != 4)) {
            throw new IllegalArgumentException("expected an 8-bit grey, BGR or BGRA picture, got depth " + bgr.depth()
                    + " with " + channels + " channels");
        }
        Mat working = reduce(bgr);
        Mat luma = working;
        if (channels != 1) {
            cvtColor(working, grey, channels == 3 ? COLOR_BGR2GRAY : COLOR_BGRA2GRAY);
            luma = grey;
        }
        double pixels = (double) luma.rows() * luma.cols();

        Laplacian(luma, laplacian, CV_64F);
        meanStdDev(laplacian, mean, deviation);
        double sharpness = square(first(deviation));

        meanStdDev(luma, mean, deviation);
        double meanLuma = first(mean);
        double lumaSpread = first(deviation);

        threshold(luma, mask, PictureMeasures.DARK_LUMA, 255, THRESH_BINARY_INV);
        double darkShare = countNonZero(mask) / pixels;
        threshold(luma, mask, PictureMeasures.BRIGHT_LUMA - 1, 255, THRESH_BINARY);
        double brightShare = countNonZero(mask) / pixels;

        // The hash and the thumbnail are a few cells each: a halved picture gives them the same means for less.
        Mat coarse = working;
        Mat coarseLuma = luma;
        if (Math.max(working.cols(), working.rows()) >= 4 * PictureMeasures.THUMBNAIL_SIDE
                && Math.min(working.cols(), working.rows()) >= 2) {
            halve(working, quarter);
            coarse = quarter;
            coarseLuma = quarter;
            if (channels != 1) {
                cvtColor(quarter, quarterGrey, channels == 3 ? COLOR_BGR2GRAY : COLOR_BGRA2GRAY);
                coarseLuma = quarterGrey;
            }
        }
        return new PictureMeasures(
                sharpness, meanLuma, darkShare, brightShare, lumaSpread, hash(coarseLuma), thumbnail(coarse, channels));
    }

    /**
     * The picture with its long side reduced to the working side, or the picture itself when not larger. While the
     * picture is at least twice the working side it is halved (a 2x2 mean, OpenCV's vectorised path, on an even crop
     * that drops at most one column and row); the last step, by a factor under 2, is a general {@code INTER_AREA}
     * reduction. One general step from 1080p costs about twice as much, from 720p three times.
     */
    private Mat reduce(Mat picture) {
        Mat current = picture;
        Mat spare = halfA;
        while (Math.max(current.cols(), current.rows()) >= 2 * WORKING_SIDE
                && Math.min(current.cols(), current.rows()) >= 2) {
            halve(current, spare);
            current = spare;
            spare = spare == halfA ? halfB : halfA;
        }
        int width = current.cols();
        int height = current.rows();
        int longSide = Math.max(width, height);
        if (longSide <= WORKING_SIDE) {
            return current;
        }
        double scale = (double) WORKING_SIDE / longSide;
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        try (Size size = new Size(w, h)) {
            resize(current, small, size, 0, 0, INTER_AREA);
        }
        return small;
    }

    /** {@code to} becomes {@code from} halved in both directions, each pixel the mean of a 2x2 block. */
    private static void halve(Mat from, Mat to) {
        int w = from.cols() / 2;
        int h = from.rows() / 2;
        try (Rect even = new Rect(0, 0, 2 * w, 2 * h);
                Mat crop = from.apply(even);
                Size size = new Size(w, h)) {
            resize(crop, to, size, 0, 0, INTER_AREA);
        }
    }

    /**
     * dHash: the luma reduced to 9x8 cells (in floating point, so that rounding does not create ties); one bit per
     * pair of horizontal neighbours, row by row, set when the left one is brighter by more than {@link #HASH_MARGIN}.
     */
    private long hash(Mat luma) {
        luma.convertTo(greyFloat, CV_32F);
        resize(greyFloat, cells, hashSize, 0, 0, INTER_AREA);
        long hash = 0;
        try (FloatIndexer values = cells.createIndexer()) {
            int bit = 0;
            for (int y = 0; y < HASH_ROWS; y++) {
                for (int x = 0; x < HASH_COLUMNS - 1; x++, bit++) {
                    if (values.get(y, x) - values.get(y, x + 1) > HASH_MARGIN) {
                        hash |= 1L << bit;
                    }
                }
            }
        }
        return hash;
    }

    /** The working picture reduced to the thumbnail's square, as B, G, R values in 0..1 (grey repeated three times). */
    private float[] thumbnail(Mat working, int channels) {
        resize(working, thumb, thumbSize, 0, 0, INTER_AREA);
        int cells = PictureMeasures.THUMBNAIL_SIDE * PictureMeasures.THUMBNAIL_SIDE;
        thumb.data().get(thumbBytes, 0, cells * channels);
        float[] values = new float[PictureMeasures.THUMBNAIL_LENGTH];
        for (int i = 0; i < cells; i++) {
            for (int c = 0; c < 3; c++) {
                int source = channels == 1 ? i : i * channels + c;
                values[i * 3 + c] = (thumbBytes[source] & 0xFF) / 255f;
            }
        }
        return values;
    }

    private static double first(Mat values) {
        try (DoubleIndexer indexer = values.createIndexer()) {
            return indexer.get(0);
        }
    }

    private static double square(double value) {
        return value * value;
    }

    /** Releases the scratch pictures; measuring afterwards fails. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Mat m : new Mat[] {
            halfA, halfB, small, quarter, quarterGrey, grey, laplacian, mask, greyFloat, cells, thumb, mean, deviation
        }) {
            m.close();
        }
        hashSize.close();
        thumbSize.close();
    }
}
