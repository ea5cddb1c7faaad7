package com.perfectframe.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.video.container.VideoIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleScheduleTests {

    private static VideoIndex cfr(int frames, long ticksPerFrame, int timeBaseDen, double fps) {
        long[] pts = new long[frames];
        for (int i = 0; i < frames; i++) {
            pts[i] = i * ticksPerFrame;
        }
        return new VideoIndex(pts, new boolean[frames], new boolean[frames], new boolean[frames], 1, timeBaseDen, fps);
    }

    @Test
    void takesEveryRoundedFpsthFrameAtConstantRate() {
        List<Sample> samples = SampleSchedule.of(cfr(100, 1001, 30000, 29.97));
        assertThat(samples).extracting(Sample::frameNumber).containsExactly(0, 30, 60, 90);
        assertThat(samples.get(1).seconds()).isEqualTo(30 * 1001 / 30000.0);
    }

    @Test
    void countsLikeTheOriginalRange() {
        // range(0, 251, 25) has 11 values.
        assertThat(SampleSchedule.of(cfr(251, 1, 25, 25))).hasSize(11);
        assertThat(SampleSchedule.of(cfr(250, 1, 25, 25))).hasSize(10);
    }

    @Test
    void followsDisplayOrderNotDecodeOrder() {
        // Decode order I P B B (pts 0 3 1 2), then P.
        long[] pts = {0, 3, 1, 2, 4};
        VideoIndex index = new VideoIndex(pts, new boolean[5], new boolean[5], new boolean[5], 1, 2, 2);
        List<Sample> samples = SampleSchedule.of(index);
        assertThat(samples).extracting(Sample::decodeIndex).containsExactly(0, 3, 4);
        assertThat(samples).extracting(Sample::frameNumber).containsExactly(0, 2, 4);
    }

    @Test
    void skipsHiddenFrames() {
        long[] pts = {-2, -1, 0, 1, 2, 3};
        boolean[] hidden = {true, true, false, false, false, false};
        VideoIndex index = new VideoIndex(pts, new boolean[6], new boolean[6], hidden, 1, 2, 2);
        assertThat(SampleSchedule.of(index)).extracting(Sample::pts).containsExactly(0L, 2L);
    }

    @Test
    void samplesVariableRateByTimeAndOnlyOncePerFrame() {
        // ms timestamps: 0, 100, ..., 900, then one frame at 3500 ms, then 3600.
        long[] pts = {0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 3500, 3600};
        int n = pts.length;
        VideoIndex index = new VideoIndex(pts, new boolean[n], new boolean[n], new boolean[n], 1, 1000, Double.NaN);
        List<Sample> samples = SampleSchedule.of(index);
        // t=0 -> 0; t=1 s, 2 s, 3 s -> frame at 900 ms (once); then nothing until the end at 3.6 s.
        assertThat(samples).extracting(Sample::pts).containsExactly(0L, 900L);
    }

    @Test
    void toleratesTimestampRoundingAsConstantRate() {
        long[] pts = new long[60];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = Math.round(i * 1000 / 29.97);
        }
        assertThat(SampleSchedule.isConstantRate(pts)).isTrue();
    }
}
