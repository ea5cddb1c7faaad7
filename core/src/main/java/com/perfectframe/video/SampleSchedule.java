package com.perfectframe.video;

import com.perfectframe.video.container.VideoIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the frames to sample: one per second of video.
 *
 * <p>Constant-frame-rate video keeps the original tool's rule, frame numbers 0, r, 2r, … with r = round(fps), so results
 * match it frame for frame. Variable-frame-rate video (phones) has no fixed r: there the sample for second k is the
 * frame on screen at k seconds, and a frame on screen for several seconds is sampled once.
 */
final class SampleSchedule {

    /** Relative spread of frame durations still treated as constant frame rate (rounding of timestamps). */
    private static final double CFR_TOLERANCE = 0.02;

    private SampleSchedule() {}

    static List<Sample> of(VideoIndex index) {
        int[] display = index.displayOrder();
        if (display.length == 0) {
            return List.of();
        }
        long[] pts = new long[display.length];
        for (int i = 0; i < display.length; i++) {
            pts[i] = index.pts(display[i]);
        }
        return isConstantRate(pts) ? byFrameNumber(index, display, pts) : byTime(index, display, pts);
    }

    /** Frames per second used for the frame-number rule: the container's, or measured from the timestamps. */
    static double frameRate(VideoIndex index, long[] pts) {
        double declared = index.declaredFps();
        if (Double.isFinite(declared) && declared > 0) {
            return declared;
        }
        if (pts.length < 2) {
            return 1;
        }
        double span = index.seconds(pts[pts.length - 1] - pts[0]);
        return span > 0 ? (pts.length - 1) / span : 1;
    }

    static boolean isConstantRate(long[] pts) {
        if (pts.length < 3) {
            return true;
        }
        long[] deltas = new long[pts.length - 1];
        for (int i = 1; i < pts.length; i++) {
            deltas[i - 1] = pts[i] - pts[i - 1];
        }
        long[] sorted = deltas.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        long allowed = Math.max(1, Math.round(median * CFR_TOLERANCE));
        return sorted[sorted.length - 1] - sorted[0] <= allowed;
    }

    private static List<Sample> byFrameNumber(VideoIndex index, int[] display, long[] pts) {
        int step = (int) Math.max(1, Math.round(frameRate(index, pts)));
        List<Sample> samples = new ArrayList<>(display.length / step + 1);
        for (int n = 0; n < display.length; n += step) {
            samples.add(sample(index, samples.size(), display, pts, n));
        }
        return samples;
    }

    private static List<Sample> byTime(VideoIndex index, int[] display, long[] pts) {
        List<Sample> samples = new ArrayList<>();
        long last = pts[pts.length - 1];
        int previous = -1;
        for (int second = 0; ; second++) {
            long target = pts[0] + index.ticks(second);
            if (target > last) {
                break;
            }
            int n = lastAtOrBefore(pts, target);
            if (n != previous) {
                samples.add(sample(index, samples.size(), display, pts, n));
                previous = n;
            }
        }
        return samples;
    }

    private static int lastAtOrBefore(long[] sortedPts, long target) {
        int found = Arrays.binarySearch(sortedPts, target);
        return found >= 0 ? found : -found - 2;
    }

    private static Sample sample(VideoIndex index, int ordinal, int[] display, long[] pts, int n) {
        return new Sample(ordinal, display[n], n, pts[n], index.seconds(pts[n] - pts[0]));
    }
}
