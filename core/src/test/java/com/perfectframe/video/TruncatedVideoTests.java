package com.perfectframe.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.container.VideoException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos cut short, before or during sampling: the result says where ("truncated at hh:mm:ss") and how much of the
 * declared duration the samples cover, and the frames before the cut are still delivered, each the right one.
 */
class TruncatedVideoTests {

    @TempDir
    static Path dir;

    /** 20 s at 25 fps, a keyframe every second, each frame showing its number. */
    private static final int FRAMES = 500;

    @BeforeAll
    static void needsFfmpeg() {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
    }

    private static Path cutInHalf(Path video, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(video);
        return Files.write(dir.resolve(name), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static void assertSamplesAreSecondsFromTheStart(FrameSamplerIntegrationTests.Collector collector) {
        assertThat(collector.seen).isNotEmpty();
        for (int k = 0; k < collector.seen.size(); k++) {
            assertThat(collector.seen.get(k).shownNumber()).as("sample %d", k).isEqualTo(25 * k);
        }
    }

    @Test
    void aMatroskaFileCutInHalfSaysWhereAndKeepsWhatCameBefore() throws Exception {
        Path full = TestVideos.h264(dir.resolve("full.mkv"), FRAMES, 25, 25, 0);
        Path cut = cutInHalf(full, "cut.mkv");
        FrameSamplerIntegrationTests.Collector collector = new FrameSamplerIntegrationTests.Collector();

        SamplingResult result = new FrameSampler(0).sample(cut, collector);

        assertThat(result.complete()).isFalse();
        assertThat(result.problem())
                .matches("truncated at 00:00:(09|10) \\(its header says 00:00:20: samples cover"
                        + " 00:00:(09|10) of 00:00:20\\)");
        assertThat(result.durationSeconds()).isEqualTo(20.0);
        assertThat(result.coveredSeconds()).isBetween(8.5, 11.0);
        assertThat(result.shortfall()).startsWith("samples cover 00:00:").endsWith(" of 00:00:20");
        assertThat(collector.seen).hasSizeBetween(8, 11);
        assertSamplesAreSecondsFromTheStart(collector);
    }

    @Test
    void anMp4WithItsIndexFirstCutInHalfSaysWhere() throws Exception {
        Path full = TestVideos.codes(
                dir.resolve("faststart.mp4"),
                FRAMES,
                "25",
                List.of(
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-pix_fmt",
                        "yuv420p",
                        "-g",
                        "25",
                        "-movflags",
                        "+faststart"));
        Path cut = cutInHalf(full, "cut-faststart.mp4");
        FrameSamplerIntegrationTests.Collector collector = new FrameSamplerIntegrationTests.Collector();

        SamplingResult result = new FrameSampler(0).sample(cut, collector);

        assertThat(result.complete()).isFalse();
        assertThat(result.problem()).startsWith("truncated at 00:00:");
        assertThat(result.durationSeconds()).isEqualTo(20.0);
        assertThat(result.shortfall()).isNotNull();
        assertSamplesAreSecondsFromTheStart(collector);
    }

    @Test
    void anMp4CutBeforeItsIndexIsCalledTruncatedNotUnreadable() throws Exception {
        Path full = TestVideos.h264(dir.resolve("index-last.mp4"), 100, 25, 25, 0);
        Path cut = cutInHalf(full, "cut-index-last.mp4");
        assertThatThrownBy(() -> new FrameSampler(0).sample(cut, new FrameSamplerIntegrationTests.Collector()))
                .isInstanceOf(VideoException.class)
                .hasMessageStartingWith("cut-index-last.mp4: is truncated: its mdat box needs ")
                .hasMessageContaining("its index (moov) is missing");
    }

    @Test
    void aFileCutWhileItIsSampledSaysWhere() throws Exception {
        Path video = TestVideos.h264(dir.resolve("cut-meanwhile.mkv"), FRAMES, 25, 25, 0);
        long cutAt = Files.size(video) / 3;
        FrameSamplerIntegrationTests.Collector collector = new FrameSamplerIntegrationTests.Collector() {
            @Override
            public void accept(SampledFrame frame) {
                super.accept(frame);
                if (seen.size() == 2) {
                    try (FileChannel channel = FileChannel.open(video, StandardOpenOption.WRITE)) {
                        channel.truncate(cutAt);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };

        SamplingResult result = new FrameSampler(0).sample(video, collector);

        assertThat(result.complete()).isFalse();
        assertThat(result.problem()).matches("truncated at 00:00:0\\d \\(.*\\)");
        assertThat(result.shortfall()).startsWith("samples cover ");
        assertThat(result.durationSeconds()).isEqualTo(20.0);
        // FFmpeg may still serve what it had buffered before the cut, so a few more samples can come out.
        assertThat(collector.seen).as("%s", result).hasSizeBetween(2, 19);
        assertSamplesAreSecondsFromTheStart(collector);
    }

    @Test
    void aCompleteVideoIsCovered() throws Exception {
        Path video = TestVideos.h264(dir.resolve("whole.mkv"), 100, 25, 25, 0);
        SamplingResult result = new FrameSampler(0).sample(video, new FrameSamplerIntegrationTests.Collector());
        assertThat(result.complete()).isTrue();
        assertThat(result.durationSeconds()).isEqualTo(4.0);
        assertThat(result.coveredSeconds()).isEqualTo(4.0);
        assertThat(result.shortfall()).isNull();
    }

    @Test
    void coverageAllowsTheOneSecondStep() {
        assertThat(SamplingResult.shortfall(39.0, 40.0)).isNull();
        assertThat(SamplingResult.shortfall(38.4, 40.0)).isEqualTo("samples cover 00:00:38 of 00:00:40");
        assertThat(SamplingResult.shortfall(11.2, 40.0)).isEqualTo("samples cover 00:00:11 of 00:00:40");
        assertThat(SamplingResult.shortfall(11.2, Double.NaN)).isNull();
        assertThat(SamplingResult.clock(3723.9)).isEqualTo("01:02:03");
    }
}
