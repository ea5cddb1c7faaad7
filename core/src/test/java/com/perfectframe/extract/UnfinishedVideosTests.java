package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.FrameCodes;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.SamplingResult;
import com.perfectframe.video.VideoSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video cut short, or whose samples stop before the duration it declares: the pictures found are written, the
 * video is named with where it ends, and it is not renamed as processed (so a complete copy is processed later).
 */
class UnfinishedVideosTests {

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

    private ExtractionSummary framesOf(VideoSource<SampledFrame> source) throws Exception {
        return new FramesExtractor(source, PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output).allFrames(true).build(),
                        new ExtractionProgress(),
                        new Cancellation());
    }

    @Test
    void aTruncatedRecordingSaysWhereItEndsKeepsItsPicturesAndIsNotRenamed() throws Exception {
        byte[] full = Files.readAllBytes(TestVideos.h264(root.resolve("full.mkv"), 500, 25, 25, 0));
        Path cut = Files.write(input.resolve("cut.mkv"), Arrays.copyOf(full, full.length / 2));

        ExtractionSummary summary = framesOf(new FrameSampler(0));

        assertThat(cut).as("not renamed").exists();
        assertThat(input.resolve("frames_extracted_cut.mkv")).doesNotExist();
        assertThat(summary.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("cut.mkv");
            assertThat(problem.error())
                    .matches("truncated at 00:00:(09|10) \\(its header says 00:00:20: samples cover .*\\); the"
                            + " pictures found were written and the video was not renamed")
                    .doesNotContain("\n");
        });
        assertThat(summary.written()).isBetween(9L, 11L);
        for (int k = 0; k < 9; k++) {
            Path jpeg = output.resolve(String.format("cut_00-00-%02d.000.jpg", k));
            assertThat(FrameCodes.read(ImageIO.read(jpeg.toFile())))
                    .as(jpeg.toString())
                    .isEqualTo(25 * k);
        }
    }

    @Test
    void theCompleteRecordingPutInPlaceOfACutOneAddsOnlyTheMissingPictures() throws Exception {
        byte[] full = Files.readAllBytes(TestVideos.h264(root.resolve("full.mkv"), 500, 25, 25, 0));
        Path video = Files.write(input.resolve("rec.mkv"), Arrays.copyOf(full, full.length / 2));
        framesOf(new FrameSampler(0));
        long firstRun;
        try (var files = Files.list(output)) {
            firstRun = files.filter(f -> f.toString().endsWith(".jpg")).count();
        }

        Files.write(video, full);
        ExtractionSummary second = framesOf(new FrameSampler(0));

        assertThat(second.problems()).isEmpty();
        assertThat(input.resolve("frames_extracted_rec.mkv")).exists();
        List<String> pictures;
        try (var files = Files.list(output)) {
            pictures = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".jpg"))
                    .sorted()
                    .toList();
        }
        assertThat(firstRun).isBetween(9L, 11L);
        assertThat(pictures)
                .as("no _1 copies of the pictures the first run wrote")
                .hasSize(20);
        assertThat(pictures).allMatch(n -> n.matches("rec_00-00-\\d\\d\\.000\\.jpg"));
        List<String> listed = Files.readAllLines(output.resolve(Manifest.FILE_NAME)).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .sorted()
                .toList();
        assertThat(listed).as("each picture listed once").isEqualTo(pictures);
    }

    @Test
    void samplesThatStopBeforeTheDeclaredDurationKeepTheVideoFromBeingRenamed() throws Exception {
        Path video = TestVideos.h264(input.resolve("short.mkv"), 100, 25, 25, 0);
        FrameSampler real = new FrameSampler(0);
        // A decoder that stops early without saying so: every planned sample came out, yet they reach 0:11 of 0:40.
        VideoSource<SampledFrame> quietlyShort = (file, sink) -> {
            SamplingResult r = real.sample(file, sink);
            return new SamplingResult(
                    r.planned(), r.delivered(), r.packetsRead(), r.packetsDecoded(), r.seeks(), null, 11.2, 40.0);
        };

        ExtractionSummary summary = framesOf(quietlyShort);

        assertThat(video).as("not renamed").exists();
        assertThat(summary.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("short.mkv");
            assertThat(problem.error())
                    .isEqualTo("samples cover 00:00:11 of 00:00:40: the pictures found were written and the video was"
                            + " not renamed");
        });
        assertThat(summary.written()).isEqualTo(4L);
    }

    @Test
    void aCompleteVideoIsStillRenamed() throws Exception {
        TestVideos.h264(input.resolve("whole.mkv"), 100, 25, 25, 0);
        ExtractionSummary summary = framesOf(new FrameSampler(0));
        assertThat(summary.problems()).isEmpty();
        assertThat(input.resolve("frames_extracted_whole.mkv")).exists();
    }
}
