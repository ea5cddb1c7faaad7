package com.perfectframe.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.video.container.VideoIndex;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecodePlannerTests {

    /** An index of n frames in display order (no B-frames), keyframes every gop frames. */
    static VideoIndex index(int n, int gop, boolean droppableOdd) {
        long[] pts = new long[n];
        boolean[] key = new boolean[n];
        boolean[] droppable = new boolean[n];
        for (int i = 0; i < n; i++) {
            pts[i] = i;
            key[i] = i % gop == 0;
            droppable[i] = droppableOdd && i % 2 == 1;
        }
        return new VideoIndex(pts, key, droppable, new boolean[n], 1, 30, 30);
    }

    static int[] every(int step, int n) {
        return IntStream.iterate(0, i -> i < n, i -> i + step).toArray();
    }

    @Test
    void decodesForwardWhenKeyframesAreFarApart() {
        VideoIndex index = index(900, 250, false);
        int[] targets = every(30, 900);
        List<DecodePlanner.Step> plan = new DecodePlanner().plan(index, targets);
        // Seeks only where a keyframe lies between two samples (250, 500, 750), skipping the frames before it:
        // 241-249, 481-499 and 721-749.
        assertThat(plan.stream().filter(DecodePlanner.Step::seeks).map(DecodePlanner.Step::seekTo))
                .containsExactly(250, 500, 750);
        assertThat(DecodePlanner.packetsDecoded(index, targets, plan)).isEqualTo(871 - 9 - 19 - 29);
    }

    @Test
    void seeksToEachKeyframeWhenSamplesFallOnThem() {
        VideoIndex index = index(900, 30, false);
        int[] targets = every(30, 900);
        List<DecodePlanner.Step> plan = new DecodePlanner().plan(index, targets);
        assertThat(plan.get(0).seeks()).isFalse();
        assertThat(plan.subList(1, plan.size())).allMatch(DecodePlanner.Step::seeks);
        assertThat(DecodePlanner.packetsDecoded(index, targets, plan)).isEqualTo(30);
    }

    @Test
    void seeksToTheNearestKeyframeBeforeASampleBetweenKeyframes() {
        VideoIndex index = index(300, 60, false);
        int[] targets = {0, 100, 200};
        List<DecodePlanner.Step> plan = new DecodePlanner().plan(index, targets);
        assertThat(plan).extracting(DecodePlanner.Step::seekTo).containsExactly(-1, 60, 180);
        assertThat(DecodePlanner.packetsDecoded(index, targets, plan)).isEqualTo(1 + 41 + 21);
    }

    @Test
    void leavesOutFramesNothingDependsOnUnlessTheyAreSamples() {
        VideoIndex index = index(100, 1000, true);
        int[] targets = {0, 31, 60, 91};
        List<DecodePlanner.Step> plan = new DecodePlanner().plan(index, targets);
        assertThat(plan).noneMatch(DecodePlanner.Step::seeks);
        // 46 even frames up to 91 plus the odd samples 31 and 91.
        assertThat(DecodePlanner.packetsDecoded(index, targets, plan)).isEqualTo(46 + 2);
    }

    @Test
    void prefersDecodingForwardWhenASeekWouldCostMore() {
        VideoIndex index = index(100, 10, false);
        int[] targets = {0, 1, 2, 11};
        List<DecodePlanner.Step> plan = new DecodePlanner(2).plan(index, targets);
        // From 2 to 11 forward costs 9; seeking to 10 costs 2 + penalty 2 = 4.
        assertThat(plan).extracting(DecodePlanner.Step::seekTo).containsExactly(-1, -1, -1, 10);
    }

    @Test
    void doesNotSeekToAKeyframeShownAfterTheSample() {
        // Open GOP: the keyframe at decode index 3 is shown after frame 4 (a leading picture that needs the
        // previous group), so frame 4 must be decoded from the earlier keyframe.
        long[] pts = {0, 1, 2, 6, 4, 5, 7, 8};
        boolean[] key = {true, false, false, true, false, false, false, false};
        VideoIndex index = new VideoIndex(pts, key, new boolean[8], new boolean[8], 1, 30, 30);
        List<DecodePlanner.Step> plan = new DecodePlanner(0).plan(index, new int[] {0, 4});
        assertThat(plan.get(1).seekTo()).isEqualTo(-1);
        assertThat(DecodePlanner.keyFor(index, 4)).isZero();
        assertThat(DecodePlanner.keyFor(index, 6)).isEqualTo(3);
    }
}
