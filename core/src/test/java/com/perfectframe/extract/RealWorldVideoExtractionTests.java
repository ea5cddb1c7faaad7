package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.video.FramePreparer;
import com.perfectframe.testing.PixelDifference;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SampledFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phone and camera videos through the extractors: what is written and what is scored is the picture as shown
 * (upright), under the usual names; files that are not video are named and left alone.
 */
class RealWorldVideoExtractionTests {

    @TempDir
    Path root;

    Path input;
    Path output;

    @BeforeEach
    void folders() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        input = Files.createDirectory(root.resolve("in"));
        output = root.resolve("out");
    }

    /** A 160×120 landscape recording whose track header says "turn 90° clockwise", as phones write portrait. */
    private Path portraitPhoneVideo(Path file) throws Exception {
        Path plain = root.resolve("plain-" + file.getFileName());
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=160x120:rate=5:duration=2",
                "-c:v",
                "libx264",
                "-crf",
                "10",
                plain.toString());
        return Files.write(file, TestVideos.withTrackMatrix(Files.readAllBytes(plain), 0, 1, -1, 0));
    }

    @Test
    void writesPortraitPhoneVideoUprightUnderTheUsualNames() throws Exception {
        Path video = portraitPhoneVideo(input.resolve("portrait.mp4"));
        byte[] shownByFfmpeg = TestVideos.firstFrameBgr(video, null, 120, 160);

        ExtractionSummary summary = new FramesExtractor(new FrameSampler(0), PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output).allFrames(true).build(),
                        new ExtractionProgress(),
                        new Cancellation());

        assertThat(summary.written()).isEqualTo(2);
        BufferedImage first =
                ImageIO.read(output.resolve("portrait_00-00-00.000.jpg").toFile());
        assertThat(first.getWidth()).isEqualTo(120);
        assertThat(first.getHeight()).isEqualTo(160);
        assertThat(PixelDifference.mean(bgr(first), shownByFfmpeg)).isLessThan(6);
        assertThat(Files.readAllLines(output.resolve(Manifest.FILE_NAME)))
                .contains("portrait_00-00-00.000.jpg,portrait.mp4,00-00-00.000,0,,");
    }

    @Test
    void scoresPortraitPhoneVideoUpright() throws Exception {
        Path video = portraitPhoneVideo(root.resolve("portrait.mp4"));
        byte[] shownByFfmpeg = TestVideos.firstFrameBgr(video, null, 120, 160);
        List<byte[]> prepared = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        try (FramePreparer preparer = new FramePreparer(picture -> {
            byte[] bytes = new byte[picture.cols() * picture.rows() * 3];
            picture.data().get(bytes);
            prepared.add(bytes);
            sizes.add(new int[] {picture.cols(), picture.rows()});
            return new float[0];
        })) {
            new FrameSampler(0).sample(video, new SampleSink<SampledFrame>() {
                @Override
                public void planned(int samples) {}

                @Override
                public void accept(SampledFrame frame) {
                    try (frame) {
                        preparer.prepare(frame, note -> {});
                    }
                }
            });
        }

        assertThat(sizes.get(0)).containsExactly(120, 160);
        assertThat(PixelDifference.mean(prepared.get(0), shownByFfmpeg)).isLessThan(3);
    }

    @Test
    void namesAudioOnlyFilesAndProcessesCameraFormats() throws Exception {
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "sine=duration=1",
                "-c:a",
                "aac",
                input.resolve("voice.mp4").toString());
        TestVideos.codes(
                input.resolve("camcorder.mts"),
                50,
                "25",
                List.of("-c:v", "libx264", "-crf", "12", "-pix_fmt", "yuv420p", "-f", "mpegts"));

        ExtractionSummary summary = new FramesExtractor(new FrameSampler(0), PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output).allFrames(true).build(),
                        new ExtractionProgress(),
                        new Cancellation());

        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("voice.mp4");
            assertThat(problem.error()).contains("audio only");
        });
        assertThat(input.resolve("voice.mp4")).exists();
        assertThat(input.resolve("frames_extracted_camcorder.mts")).exists();
        assertThat(output.resolve("camcorder_00-00-01.000.jpg")).exists();
    }

    @Test
    void aRecordingStillBeingWrittenIsNotRenamed() throws Exception {
        Path recording = TestVideos.h264(input.resolve("recording.mkv"), 50, 25, 25, 0);
        FrameSampler real = new FrameSampler(0);
        // The recorder appends while the job reads the file.
        com.perfectframe.video.VideoSource<SampledFrame> growing = (video, sink) -> {
            com.perfectframe.video.SamplingResult result = real.sample(video, sink);
            try {
                Files.write(video, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return result;
        };

        ExtractionSummary summary = new FramesExtractor(growing, PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output).allFrames(true).build(),
                        new ExtractionProgress(),
                        new Cancellation());

        assertThat(recording).as("not renamed").exists();
        assertThat(summary.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("recording.mkv");
            assertThat(problem.error()).contains("still being written");
        });
    }

    private static byte[] bgr(BufferedImage image) {
        byte[] bytes = new byte[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                bytes[i++] = (byte) rgb;
                bytes[i++] = (byte) (rgb >> 8);
                bytes[i++] = (byte) (rgb >> 16);
            }
        }
        return bytes;
    }
}
