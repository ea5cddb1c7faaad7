package com.perfectframe.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.FrameCodes;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.container.VideoException;
import com.perfectframe.video.picture.BgrConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSamplerIntegrationTests {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsFfmpeg() {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
    }

    /** What one sampled frame showed. */
    record Seen(int ordinal, long frameNumber, double seconds, int shownNumber) {}

    static class Collector implements SampleSink<SampledFrame> {
        final List<Seen> seen = new ArrayList<>();
        int planned = -1;
        private final BgrConverter converter = new BgrConverter();

        @Override
        public void planned(int samples) {
            planned = samples;
        }

        @Override
        public void accept(SampledFrame frame) {
            try (frame;
                    Mat bgr = converter.toBgr(frame.frame(), frame.orientation())) {
                int shown = FrameCodes.read(bgr);
                seen.add(new Seen(frame.ordinal(), frame.frameNumber(), frame.seconds(), shown));
            }
        }
    }

    private static Collector sample(Path video) throws Exception {
        Collector collector = new Collector();
        SamplingResult result = new FrameSampler(0).sample(video, collector);
        assertThat(result.complete()).as("complete: %s", result).isTrue();
        assertThat(result.delivered()).isEqualTo(collector.seen.size());
        return collector;
    }

    private static void assertFramesEvery(Collector collector, int step, int frames) {
        int expected = (frames + step - 1) / step;
        assertThat(collector.planned).isEqualTo(expected);
        assertThat(collector.seen).hasSize(expected);
        List<Seen> sorted = collector.seen.stream()
                .sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal()))
                .toList();
        for (int k = 0; k < expected; k++) {
            Seen s = sorted.get(k);
            assertThat(s.ordinal()).isEqualTo(k);
            assertThat(s.frameNumber()).isEqualTo((long) k * step);
            assertThat(s.shownNumber()).as("picture of sample %d", k).isEqualTo(k * step);
        }
    }

    @Test
    void samplesOneFramePerSecondAt25FpsWithOneSecondKeyframes() throws Exception {
        Path video = TestVideos.h264(dir.resolve("gop25.mp4"), 300, 25, 25, 3);
        Collector collector = sample(video);
        assertFramesEvery(collector, 25, 300);
        assertThat(collector.seen.get(3).seconds()).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void samplesOneFramePerSecondAt30FpsWithTenSecondKeyframes() throws Exception {
        Path video = TestVideos.h264(dir.resolve("gop300.mp4"), 375, 30, 300, 3);
        assertFramesEvery(sample(video), 30, 375);
    }

    @Test
    void decodesOnlyKeyframesWhenSamplesFallOnThem() throws Exception {
        Path video = TestVideos.h264(dir.resolve("gop30.mp4"), 300, 30, 30, 3);
        Collector collector = new Collector();
        SamplingResult result = new FrameSampler(0).sample(video, collector);
        assertFramesEvery(collector, 30, 300);
        assertThat(result.seeks()).isGreaterThan(0);
        assertThat(result.packetsDecoded()).isLessThanOrEqualTo(10);
    }

    @Test
    void parallelDecodersGiveTheSameFramesOnKeyframeOnlyPlans() throws Exception {
        Path video = TestVideos.h264(dir.resolve("gop30-parallel.mp4"), 450, 30, 30, 2);
        Collector collector = new Collector() {
            @Override
            public synchronized void accept(SampledFrame frame) {
                super.accept(frame);
            }
        };
        SamplingResult result = new FrameSampler(0, 3).sample(video, collector);
        assertThat(result.complete()).isTrue();
        assertFramesEvery(collector, 30, 450);
        assertThat(result.packetsDecoded()).isLessThanOrEqualTo(20);
    }

    @Test
    void skipsFramesNothingDependsOnWhenDecodingForward() throws Exception {
        Path video = TestVideos.h264(dir.resolve("gop250.mp4"), 300, 25, 250, 3);
        Collector collector = new Collector();
        SamplingResult result = new FrameSampler(0).sample(video, collector);
        assertFramesEvery(collector, 25, 300);
        assertThat(result.packetsDecoded()).isLessThan(result.packetsRead() * 3 / 4);
    }

    @Test
    void samplesVariableFrameRateVideoByTime() throws Exception {
        // 2 s at 30 fps, 3 s at 10 fps, 2 s at 24 fps.
        double[] times = TestVideos.h264Vfr(dir.resolve("vfr.mkv"), new int[][] {{60, 30}, {30, 10}, {48, 24}});
        Collector collector = sample(dir.resolve("vfr.mkv"));
        List<Integer> expected = new ArrayList<>();
        for (int second = 0; second <= times[times.length - 1]; second++) {
            int last = 0;
            for (int n = 0; n < times.length; n++) {
                if (times[n] <= second + 1e-6) {
                    last = n;
                }
            }
            expected.add(last);
        }
        assertThat(collector.seen.stream()
                        .sorted((a, b) -> Integer.compare(a.ordinal(), b.ordinal()))
                        .map(Seen::shownNumber)
                        .toList())
                .isEqualTo(expected);
    }

    @Test
    void rejectsAFileThatIsNotAVideo() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.mp4"), "this is not a video");
        assertThatThrownBy(() -> new FrameSampler(0).sample(fake, new Collector()))
                .isInstanceOf(VideoException.class)
                .hasMessageContaining("fake.mp4");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> new FrameSampler(0).sample(empty, new Collector()))
                .isInstanceOf(VideoException.class)
                .hasMessageContaining("empty.mp4")
                .hasMessageContaining("empty");
    }

    @Test
    void reportsATruncatedVideoAsIncomplete() throws Exception {
        Path video = TestVideos.h264(dir.resolve("full.mp4"), 250, 25, 25, 3);
        byte[] bytes = Files.readAllBytes(video);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try {
            Collector collector = new Collector();
            SamplingResult result = new FrameSampler(0).sample(truncated, collector);
            assertThat(result.complete()).isFalse();
        } catch (VideoException e) {
            assertThat(e.getMessage()).contains("truncated.mp4");
        }
    }
}
