package com.perfectframe.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.quality.ShotSegmenter.Role;
import com.perfectframe.quality.ShotSegmenter.ShotMark;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** Shot segmentation on pictures made in memory, one per "second", at two sizes. */
class ShotSegmenterTests {

    private static final int W = 640;
    private static final int H = 360;

    /** Measures the pictures of seconds 0..n-1 and segments them. */
    private static List<ShotMark> segment(int n, IntFunction<Mat> second) {
        List<ShotMark> marks = new ArrayList<>();
        ShotSegmenter segmenter = new ShotSegmenter(ShotRules.defaults());
        try (PictureMeasurer measurer = new PictureMeasurer()) {
            for (int k = 0; k < n; k++) {
                try (Mat picture = second.apply(k)) {
                    marks.addAll(segmenter.add(k, measurer.measure(picture)));
                }
            }
        }
        marks.addAll(segmenter.finish());
        assertThat(marks).extracting(ShotMark::ordinal).containsExactlyElementsOf(range(n));
        return marks;
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    private static List<Integer> shots(List<ShotMark> marks) {
        return marks.stream().map(ShotMark::shot).toList();
    }

    private static Mat scene(long seed) {
        return Scenes.scene(W, H, seed);
    }

    @Test
    void hardCutsStartNewShotsAndAStillShotStaysOne() {
        List<ShotMark> marks = segment(12, k -> Scenes.noisy(scene(k < 5 ? 1 : k < 9 ? 2 : 3), 4));
        assertThat(shots(marks)).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2);
        assertThat(marks).allMatch(m -> m.role() == Role.SHOT);
    }

    @Test
    void aFastPanAZoomAndAChangeOfLightAreNoCuts() {
        try (Mat wide = Scenes.scene(4 * W, H, 7);
                Mat big = Scenes.scene(3 * W, 3 * H, 8)) {
            // A pan of a third of the frame a second, a zoom of 1.4x a second, light rising and falling by 20%.
            List<ShotMark> pan = segment(8, k -> Scenes.window(wide, k * W / 3, W));
            assertThat(shots(pan)).containsOnly(0);
            List<ShotMark> zoom = segment(4, k -> crop(big, Math.pow(1.4, k)));
            assertThat(shots(zoom)).containsOnly(0);
            List<ShotMark> light = segment(8, k -> Scenes.scaled(scene(9), 1 + 0.2 * Math.sin(k)));
            assertThat(shots(light)).containsOnly(0);
            assertThat(light).allMatch(m -> m.role() == Role.SHOT);
        }
    }

    /** The middle of the picture magnified {@code zoom} times, at the working size. */
    private static Mat crop(Mat big, double zoom) {
        int w = (int) (big.cols() / zoom);
        int h = (int) (big.rows() / zoom);
        try (Rect area = new Rect((big.cols() - w) / 2, (big.rows() - h) / 2, w, h);
                Mat view = big.apply(area);
                Size size = new Size(W, H)) {
            Mat out = new Mat();
            org.bytedeco.opencv.global.opencv_imgproc.resize(view, out, size);
            return out;
        }
    }

    @Test
    void aFadeThroughBlackIsOneBoundaryWithItsSamplesMarkedAsTransition() {
        // A 0–3, A dimmed 4, black 5, B dimmed 6, B 7–9.
        List<ShotMark> marks = segment(10, k -> {
            try (Mat a = scene(11);
                    Mat b = scene(12);
                    Mat black = Scenes.uniform(W, H, 0, 0, 0)) {
                return switch (k) {
                    case 4 -> Scenes.mix(a, black, 0.4);
                    case 5 -> black.clone();
                    case 6 -> Scenes.mix(b, black, 0.4);
                    default -> (k < 4 ? a : b).clone();
                };
            }
        });
        assertThat(shots(marks)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
        assertThat(marks.subList(4, 7)).allMatch(m -> m.role() == Role.TRANSITION);
        assertThat(marks.get(3).role()).isEqualTo(Role.SHOT);
        assertThat(marks.get(7).role()).isEqualTo(Role.SHOT);
    }

    @Test
    void aDissolveOfSeveralSamplesIsOneBoundary() {
        List<ShotMark> marks = segment(10, k -> {
            try (Mat a = scene(13);
                    Mat b = scene(14)) {
                return k < 3 ? a.clone() : k > 6 ? b.clone() : Scenes.mix(a, b, 1 - (k - 2) / 5.0);
            }
        });
        // Mixes of 80/20 to 20/80: one boundary; the mixes that show both pictures well are transition samples (the
        // 80/20 ends may stay with their shot: near one neighbour and of the same layout, they are not told apart
        // from a change within the shot).
        assertThat(shots(marks).stream().distinct().toList()).containsExactly(0, 1);
        assertThat(marks.subList(4, 6)).allMatch(m -> m.role() == Role.TRANSITION);
        assertThat(marks.subList(0, 3)).allMatch(m -> m.shot() == 0 && m.role() == Role.SHOT);
        assertThat(marks.subList(7, 10)).allMatch(m -> m.shot() == 1 && m.role() == Role.SHOT);
    }

    @Test
    void aWipeIsOneBoundaryWithItsMiddleMarked() {
        List<ShotMark> marks = segment(8, k -> {
            try (Mat a = scene(15);
                    Mat b = scene(16)) {
                if (k != 4) {
                    return (k < 4 ? a : b).clone();
                }
                Mat half = a.clone();
                try (Rect right = new Rect(W / 2, 0, W / 2, H);
                        Mat from = b.apply(right);
                        Mat to = half.apply(right)) {
                    from.copyTo(to);
                }
                return half;
            }
        });
        assertThat(shots(marks)).containsExactly(0, 0, 0, 0, 0, 1, 1, 1);
        assertThat(marks.get(4).role()).isEqualTo(Role.TRANSITION);
    }

    @Test
    void aFlashIsMarkedAndIsNoBoundary() {
        List<ShotMark> marks = segment(8, k -> {
            try (Mat a = Scenes.noisy(scene(17), 3)) {
                return k == 3 ? Scenes.scaled(a, 2.2) : a.clone();
            }
        });
        assertThat(shots(marks)).containsOnly(0);
        assertThat(marks.get(3).role()).isEqualTo(Role.FLASH);
        assertThat(marks).filteredOn(m -> m.ordinal() != 3).allMatch(m -> m.role() == Role.SHOT);
    }

    /**
     * A shot dark but for moments of light (most of its samples bad): each well-lit sample is brighter than its dark
     * neighbours everywhere, as a flash is, but of a normal brightness, so it is a sample of the shot like the others.
     */
    @Test
    void aWellLitSampleAmongDarkOnesIsNoFlash() {
        List<ShotMark> marks = segment(10, k -> {
            try (Mat a = Scenes.noisy(scene(17), 3)) {
                return k == 2 || k == 6 || k == 7 ? a.clone() : Scenes.scaled(a, 0.3);
            }
        });
        assertThat(shots(marks)).containsOnly(0);
        assertThat(marks).allMatch(m -> m.role() == Role.SHOT);
    }

    @Test
    void aSkippedSampleBreaksNothing() {
        ShotSegmenter segmenter = new ShotSegmenter(ShotRules.defaults());
        List<ShotMark> marks = new ArrayList<>();
        try (PictureMeasurer measurer = new PictureMeasurer();
                Mat a = scene(18);
                Mat b = scene(19)) {
            marks.addAll(segmenter.add(0, measurer.measure(a)));
            marks.addAll(segmenter.add(1, measurer.measure(a)));
            marks.addAll(segmenter.skip(2));
            marks.addAll(segmenter.add(3, measurer.measure(b)));
            marks.addAll(segmenter.add(4, measurer.measure(b)));
        }
        marks.addAll(segmenter.finish());
        assertThat(marks).extracting(ShotMark::ordinal).containsExactly(0, 1, 3, 4);
        assertThat(shots(marks)).containsExactly(0, 0, 1, 1);
    }

    @Test
    void theThresholdsAreCheckedWithTheirRanges() {
        assertThat(ShotRules.defaults().maxShift()).isEqualTo(ShotRules.DEFAULT_MAX_SHIFT);
        assertThat(new ShotRules(3.99, 0.99, 15, 254, 254, 0).maxShift()).isEqualTo(15);
        assertThatThrownBy(() -> new ShotRules(0, 0.5, 8, 20, 170, 4))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("shot_cell_tolerance"));
        assertThatThrownBy(() -> new ShotRules(0.5, 1, 8, 20, 170, 4))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("shot_changed_share"));
        assertThatThrownBy(() -> new ShotRules(0.5, 0.5, PictureMeasures.THUMBNAIL_SIDE, 20, 170, 4))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("shot_max_shift"));
        assertThatThrownBy(() -> new ShotRules(0.5, 0.5, 8, 255, 170, 4))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("flash_rise"));
        assertThatThrownBy(() -> new ShotRules(0.5, 0.5, 8, 20, 0, 4))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("flash_luma"));
        assertThatThrownBy(() -> ShotRules.withFlatSpread(64))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("flat_spread"))
                .hasMessage("flat_spread must be 0 or more and less than 64, got 64.0");
    }
}
