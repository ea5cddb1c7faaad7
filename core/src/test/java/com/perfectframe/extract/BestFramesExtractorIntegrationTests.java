package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.OutputNames;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.GroupPlan;
import com.perfectframe.score.ModelException;
import com.perfectframe.score.ProcessModel;
import com.perfectframe.testing.FrameCodes;
import com.perfectframe.testing.StubScoringModel;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestFramesExtractorIntegrationTests {

    @TempDir
    Path root;

    Path input;
    Path output;
    final StubScoringModel model = new StubScoringModel();

    @BeforeEach
    void folders() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        input = Files.createDirectory(root.resolve("in"));
        output = root.resolve("out");
    }

    private ExtractionSummary run(int batch, int group, PipelineSettings settings) throws Exception {
        ExtractionRequest request = ExtractionRequest.builder(input, output)
                .batchSize(batch)
                .groupSize(group)
                .build();
        return new BestFramesExtractor(new FrameSampler(0), () -> model, settings)
                .run(request, new ExtractionProgress(), new Cancellation());
    }

    /** Frame numbers the job must keep: the best-scoring sample of each group, the earlier one on a tie. */
    private static List<Integer> expectedWinners(int samples, int step, int batch, int group) {
        GroupPlan plan = new GroupPlan(batch, group);
        List<Integer> winners = new ArrayList<>();
        for (long g = 0; plan.firstOf(g) < samples; g++) {
            long first = plan.firstOf(g);
            int best = -1;
            for (long k = first; k < first + plan.sizeOf(g, samples); k++) {
                int frame = (int) k * step;
                if (best < 0 || StubScoringModel.scoreOf(frame) > StubScoringModel.scoreOf(best)) {
                    best = frame;
                }
            }
            winners.add(best);
        }
        return winners;
    }

    private List<Integer> writtenFrames(String stem, int fps) throws Exception {
        List<Integer> frames = new ArrayList<>();
        try (var files = Files.list(output)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(stem + "_"))
                    .sorted()
                    .toList()) {
                int shown = FrameCodes.read(ImageIO.read(p.toFile()));
                // The name's timestamp and the picture agree.
                String expectedName = OutputNames.forFrame(Path.of(stem + ".mp4"), shown / (double) fps, "jpg");
                assertThat(p.getFileName().toString()).isEqualTo(expectedName);
                frames.add(shown);
            }
        }
        return frames;
    }

    @Test
    void keepsTheBestSampleOfEachGroupOfFive() throws Exception {
        TestVideos.h264(input.resolve("clip.mp4"), 600, 25, 25, 3);
        ExtractionSummary summary = run(100, 5, PipelineSettings.defaults());
        assertThat(summary.samples()).isEqualTo(24);
        assertThat(writtenFrames("clip", 25)).isEqualTo(expectedWinners(24, 25, 100, 5));
        assertThat(input.resolve("frames_extracted_clip.mp4")).exists();
        // The model belongs to the process, not to the job.
        assertThat(model.closed()).isFalse();
        List<String> manifest = Files.readAllLines(output.resolve(Manifest.FILE_NAME));
        assertThat(manifest).hasSize(1 + 5);
        int first = expectedWinners(24, 25, 100, 5).get(0);
        assertThat(manifest.get(1))
                .endsWith(String.format(Locale.ROOT, ",%d,%.4f,synthetic", first, StubScoringModel.scoreOf(first)));
    }

    @Test
    void groupsRestartAtBatchBoundaries() throws Exception {
        TestVideos.h264(input.resolve("clip.mp4"), 400, 25, 50, 2);
        run(7, 5, PipelineSettings.defaults());
        assertThat(writtenFrames("clip", 25)).isEqualTo(expectedWinners(16, 25, 7, 5));
    }

    @Test
    void aTinyFrameBudgetStillFinishesWithTheSameResult() throws Exception {
        TestVideos.h264(input.resolve("clip.mp4"), 500, 25, 25, 3);
        run(
                100,
                5,
                PipelineSettings.builder()
                        .prepareThreads(2)
                        .writerThreads(2)
                        .frameBudgetMb(1)
                        .inferenceBatch(4)
                        .build());
        assertThat(writtenFrames("clip", 25)).isEqualTo(expectedWinners(20, 25, 100, 5));
        assertThat(model.largestBatch()).isLessThanOrEqualTo(4);
    }

    @Test
    void badVideosAreReportedAndGoodOnesProcessed() throws Exception {
        TestVideos.h264(input.resolve("a.mp4"), 250, 25, 25, 0);
        Files.writeString(input.resolve("b.mp4"), "not a video");
        ExtractionSummary summary = run(100, 5, PipelineSettings.defaults());
        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(summary.problems())
                .extracting(ExtractionProgress.FileProblem::file)
                .containsExactly("b.mp4");
        assertThat(input.resolve("b.mp4")).exists();
        assertThat(writtenFrames("a", 25)).isEqualTo(expectedWinners(10, 25, 100, 5));
    }

    @Test
    void aMissingModelIsAClearError() throws Exception {
        TestVideos.h264(input.resolve("a.mp4"), 50, 25, 25, 0);
        BestFramesExtractor extractor = new BestFramesExtractor(
                new FrameSampler(0),
                () -> {
                    throw new ModelException("No NIMA weights in models/: put weights.h5 there.");
                },
                PipelineSettings.defaults());
        assertThatThrownBy(() -> extractor.run(
                        ExtractionRequest.builder(input, output).build(), new ExtractionProgress(), new Cancellation()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("weights.h5");
        assertThat(input.resolve("a.mp4")).exists();
    }

    @Test
    void jobsInARowLoadTheModelOnceAndTheFactoryClosesIt() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        try (ProcessModel shared = new ProcessModel(() -> {
            loads.incrementAndGet();
            return model;
        })) {
            ExtractorFactory factory = new ExtractorFactory(PipelineSettings.defaults(), shared);
            for (int job = 0; job < 3; job++) {
                Path in = Files.createDirectory(root.resolve("in" + job));
                TestVideos.h264(in.resolve("clip" + job + ".mp4"), 125, 25, 25, 0);
                ExtractionRequest request =
                        ExtractionRequest.builder(in, output).build();
                ExtractionSummary summary = factory.forRequest(ExtractorName.BEST_FRAMES, request)
                        .run(request, new ExtractionProgress(), new Cancellation());
                assertThat(summary.written()).isEqualTo(1);
                assertThat(model.closed()).isFalse();
            }
        }
        assertThat(loads).hasValue(1);
        assertThat(model.closed()).isTrue();
    }
}
