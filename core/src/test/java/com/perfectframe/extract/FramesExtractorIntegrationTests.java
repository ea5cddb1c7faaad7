package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.FrameCodes;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramesExtractorIntegrationTests {

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

    private ExtractionSummary run(ExtractionProgress progress) throws Exception {
        ExtractionRequest request =
                ExtractionRequest.builder(input, output).allFrames(true).build();
        return new FramesExtractor(
                        new FrameSampler(0),
                        PipelineSettings.builder().writerThreads(2).build())
                .run(request, progress, new Cancellation());
    }

    @Test
    void writesEverySampleRenamesGoodVideosAndLeavesBadOnesAlone() throws Exception {
        TestVideos.h264(input.resolve("good1.mp4"), 150, 25, 25, 3);
        TestVideos.h264(input.resolve("good2.mkv"), 120, 30, 300, 2);
        Path fake = Files.writeString(input.resolve("fake.mp4"), "not a video at all");
        Path empty = Files.createFile(input.resolve("empty.mov"));
        byte[] full = Files.readAllBytes(TestVideos.h264(root.resolve("full.mp4"), 100, 25, 25, 0));
        Path truncated = Files.write(input.resolve("truncated.mp4"), Arrays.copyOf(full, full.length / 3));
        Path processed = Files.writeString(input.resolve("frames_extracted_old.mp4"), "already done");

        ExtractionProgress progress = new ExtractionProgress();
        ExtractionSummary summary = run(progress);

        assertThat(summary.filesProcessed()).isEqualTo(2);
        assertThat(summary.filesFailed()).isEqualTo(3);
        assertThat(summary.problems())
                .extracting(ExtractionProgress.FileProblem::file)
                .containsExactlyInAnyOrder("fake.mp4", "empty.mov", "truncated.mp4");
        assertThat(summary.written()).isEqualTo(6 + 4);
        assertThat(input.resolve("frames_extracted_good1.mp4")).exists();
        assertThat(input.resolve("frames_extracted_good2.mkv")).exists();
        assertThat(input.resolve("good1.mp4")).doesNotExist();
        assertThat(Files.readString(fake)).isEqualTo("not a video at all");
        assertThat(empty).isEmptyFile();
        assertThat(Files.size(truncated)).isEqualTo(full.length / 3);
        assertThat(Files.readString(processed)).isEqualTo("already done");

        for (int k = 0; k < 6; k++) {
            Path jpeg = output.resolve(String.format("good1_00-00-%02d.000.jpg", k));
            assertThat(FrameCodes.read(ImageIO.read(jpeg.toFile())))
                    .as(jpeg.toString())
                    .isEqualTo(25 * k);
        }
        for (int k = 0; k < 4; k++) {
            Path jpeg = output.resolve(String.format("good2_00-00-%02d.000.jpg", k));
            assertThat(FrameCodes.read(ImageIO.read(jpeg.toFile())))
                    .as(jpeg.toString())
                    .isEqualTo(30 * k);
        }
        List<String> manifest = Files.readAllLines(output.resolve(Manifest.FILE_NAME));
        assertThat(manifest).hasSize(1 + 10);
        assertThat(manifest).contains("good1_00-00-02.000.jpg,good1.mp4,00-00-02.000,50,,");
    }

    @Test
    void keepsExistingOutputFiles() throws Exception {
        TestVideos.h264(input.resolve("clip.mp4"), 50, 25, 25, 0);
        Files.createDirectories(output);
        Files.writeString(output.resolve("clip_00-00-00.000.jpg"), "mine");
        run(new ExtractionProgress());
        assertThat(Files.readString(output.resolve("clip_00-00-00.000.jpg"))).isEqualTo("mine");
        assertThat(FrameCodes.read(
                        ImageIO.read(output.resolve("clip_00-00-00.000_1.jpg").toFile())))
                .isZero();
    }

    @Test
    void aFolderWithoutUnprocessedVideosIsAnError() throws Exception {
        Files.writeString(input.resolve("frames_extracted_x.mp4"), "x");
        assertThatThrownBy(() -> run(new ExtractionProgress()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("No unprocessed videos");
    }

    @Test
    void reportsProgressPerVideo() throws Exception {
        TestVideos.h264(input.resolve("a.mp4"), 75, 25, 25, 0);
        ExtractionProgress progress = new ExtractionProgress();
        run(progress);
        ExtractionProgress.Snapshot snapshot = progress.snapshot();
        assertThat(snapshot.filesDone()).isEqualTo(1);
        assertThat(snapshot.filesTotal()).isEqualTo(1);
        assertThat(snapshot.picturesWritten()).isEqualTo(3);
        assertThat(snapshot.fractionDone()).isEqualTo(1.0);
    }
}
