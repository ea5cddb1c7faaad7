package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.SamplingResult;
import com.perfectframe.video.VideoSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input folder moved away while a job runs over it, on real folders: every video left is said to be no longer
 * there (not "still being written"), none is counted processed, none is renamed, and what was found is written.
 */
class MovedInputFolderTests {

    @TempDir
    Path root;

    Path input;
    Path output;

    @BeforeEach
    void videos() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        input = Files.createDirectory(root.resolve("in"));
        output = root.resolve("out");
        for (String name : List.of("a.mp4", "b.mp4", "c.mp4")) {
            TestVideos.h264(input.resolve(name), 50, 25, 25, 0);
        }
    }

    @Test
    void everyVideoLeftIsSaidToBeGoneAndNoneIsCountedProcessed() throws Exception {
        FrameSampler real = new FrameSampler(0);
        Path moved = root.resolve("moved-away");
        // The user moves the input folder once the first video has been read.
        VideoSource<SampledFrame> source = (video, sink) -> {
            SamplingResult result = real.sample(video, sink);
            if (video.getFileName().toString().equals("a.mp4")) {
                try {
                    Files.move(input, moved);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return result;
        };

        ExtractionSummary summary = new FramesExtractor(source, PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output).allFrames(true).build(),
                        new ExtractionProgress(),
                        new Cancellation());

        assertThat(summary.filesProcessed())
                .as("none was processed whole and renamed")
                .isZero();
        Map<String, String> problems = summary.problems().stream()
                .collect(Collectors.toMap(ExtractionProgress.FileProblem::file, ExtractionProgress.FileProblem::error));
        assertThat(problems).containsOnlyKeys("a.mp4", "b.mp4", "c.mp4");
        for (String error : problems.values()) {
            assertThat(error)
                    .contains("is no longer at " + input.toAbsolutePath())
                    .contains("its folder " + input.toAbsolutePath() + " was moved or deleted during the job")
                    .doesNotContain("still being written");
        }
        assertThat(problems.get("a.mp4")).contains("the 2 pictures found were written");
        try (Stream<Path> files = Files.list(moved)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.mp4", "b.mp4", "c.mp4");
        }
        assertThat(output.resolve("a_00-00-01.000.jpg")).exists();
    }

    /** The folder moved between the check and the rename: the commit says so instead of skipping the rename. */
    @Test
    void aVideoGoneAtItsRenameIsReportedNotCountedProcessed() throws Exception {
        Files.createDirectories(output);
        OutputStaging staging = new OutputStaging(output);
        StagedVideo staged = staging.open(input.resolve("a.mp4"));
        Files.move(input, root.resolve("moved-away"));
        ExtractionException failure = staged.commit("frames_extracted_");
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage())
                .contains("a.mp4: the pictures were written but it was not renamed")
                .contains("no longer at " + input.resolve("a.mp4"));
    }
}
