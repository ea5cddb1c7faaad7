package com.perfectframe.extract.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.ImageSelection.ScoredImage;
import com.perfectframe.extract.select.TopPercentile;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.PreparedPicture;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.extract.stage.StageName;
import com.perfectframe.extract.stage.StageSizes;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.testing.StubScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The image pipeline's core with stub steps: per-image failures, job failures, cancellation, progress. */
@Timeout(60)
class ImagePipelineTests {

    final ExtractionProgress progress = new ExtractionProgress();
    final Cancellation cancellation = new Cancellation();
    final List<Path> copied = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final ExecutorService runner = Executors.newSingleThreadExecutor();
    volatile String unreadable = "";
    volatile String unpreparable = "";
    volatile String blocks = "";
    volatile String noted = "";
    volatile boolean scoreFails;
    volatile StageFailure copyFails;
    volatile boolean copyBlocks;

    @AfterEach
    void stop() {
        gate.countDown();
        runner.shutdownNow();
    }

    private static List<Path> images(int n) {
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(Path.of("in", String.format("img%02d.jpg", i)));
        }
        return images;
    }

    /** The stub model's score of image i: its index, so the top ones are the last ones. */
    private static int indexOf(Path image) {
        return Integer.parseInt(image.getFileName().toString().substring(3, 5));
    }

    private ImagePipeline pipeline(double percent) {
        FrameScorer scorer = new StubScorer(input -> {
            if (scoreFails) {
                throw new IllegalStateException("TensorFlow: out of memory");
            }
            return input[0];
        });
        PrepareStep<Path> preparer = (image, notes) -> {
            String name = image.getFileName().toString();
            if (name.equals(noted)) {
                notes.accept("truncated");
            }
            if (name.equals(blocks)) {
                blocked.countDown();
                gate.await();
            }
            if (name.equals(unreadable)) {
                throw StageFailure.ofInput(StageName.READ, image, "cannot be decoded as an image", null);
            }
            if (name.equals(unpreparable)) {
                throw new IllegalStateException("OpenCV(4.7.0) resize: assertion failed");
            }
            return new PreparedPicture(new float[] {indexOf(image)}, null);
        };
        return new ImagePipeline(
                () -> preparer,
                new BatchScorer(scorer, input -> {}),
                new TopPercentile(percent, 0),
                image -> {
                    if (copyBlocks) {
                        blocked.countDown();
                        try {
                            gate.await();
                        } catch (InterruptedException e) {
                            // What a file channel does when its thread is interrupted.
                            throw StageFailure.ofJob(
                                    StageName.COPY, image, "Cannot write to output folder out: interrupted", e);
                        }
                    }
                    if (copyFails != null) {
                        throw copyFails;
                    }
                    copied.add(image);
                    return new ImagePipeline.Copied(Path.of("out").resolve(image.getFileName()), false);
                },
                (written, image) -> {},
                new StageSizes(2, 1, 4, 48L << 20),
                progress,
                cancellation);
    }

    @Test
    void keepsTheTopImagesAndCountsEveryOneOnce() throws Exception {
        ExtractionSummary summary = pipeline(80).run(images(20), Path.of("in"));
        assertThat(copied).extracting(ImagePipelineTests::indexOf).containsExactly(16, 17, 18, 19);
        assertThat(summary.samples()).isEqualTo(20);
        assertThat(summary.written()).isEqualTo(4);
        ExtractionProgress.Snapshot s = progress.snapshot();
        assertThat(s.filesDone()).isEqualTo(20);
        assertThat(s.samplesDone()).isEqualTo(20);
        assertThat(s.samplesTotal()).isEqualTo(20);
        assertThat(s.fractionDone()).isEqualTo(1.0);
    }

    @Test
    void anUnreadableImageIsReportedWithItsStageAndTheOthersAreScored() throws Exception {
        unreadable = "img19.jpg";
        ExtractionSummary summary = pipeline(90).run(images(20), Path.of("in"));
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("img19.jpg");
            assertThat(p.stage()).isEqualTo("read");
        });
        assertThat(summary.filesProcessed()).isEqualTo(19);
        assertThat(copied).extracting(ImagePipelineTests::indexOf).containsExactly(17, 18);
        assertThat(progress.snapshot().filesDone()).isEqualTo(20);
    }

    @Test
    void aNotedImageIsScoredKeptAndNamedInTheSummaryAndTheStatus() throws Exception {
        noted = "img19.jpg";
        ExtractionSummary summary = pipeline(90).run(images(20), Path.of("in"));
        assertThat(summary.problems()).isEmpty();
        assertThat(summary.filesProcessed()).isEqualTo(20);
        assertThat(copied).extracting(ImagePipelineTests::indexOf).containsExactly(18, 19);
        assertThat(summary.notes()).containsExactly(new ExtractionProgress.FileNote("img19.jpg", "truncated"));
        assertThat(progress.snapshot().notes()).isEqualTo(summary.notes());
        assertThat(summary.describe("images")).endsWith("; 1 note: img19.jpg (truncated).");
    }

    @Test
    void whenNoImageCanBeReadTheJobErrorSaysWhyForTheFirst() {
        unreadable = "img00.jpg";
        assertThatThrownBy(() -> pipeline(90).run(images(1), Path.of("in")))
                .isInstanceOf(ExtractionException.class)
                .hasMessageEndingWith("could be read (img00.jpg: cannot be decoded as an image).");
    }

    @Test
    void aScoringFailureStopsTheJob() {
        scoreFails = true;
        assertThatThrownBy(() -> pipeline(90).run(images(10), Path.of("in")))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("Scoring failed");
        assertThat(copied).isEmpty();
    }

    @Test
    void cancellingWhileImagesAreReadStopsPromptlyAndCopiesNothing() throws Exception {
        blocks = "img05.jpg";
        ImagePipeline pipeline = pipeline(90);
        Future<ExtractionSummary> job = runner.submit(() -> pipeline.run(images(40), Path.of("in")));
        assertThat(blocked.await(20, TimeUnit.SECONDS)).isTrue();
        cancellation.cancel();
        assertThatThrownBy(() -> job.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        assertThat(copied).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .map(Thread::getName)
                        .filter(n -> n.matches("(prepare|score)(-\\d+)?")))
                .isEmpty();
    }

    @Test
    void aPictureThatCannotBePreparedIsReportedWithItsStage() throws Exception {
        unpreparable = "img03.jpg";
        ExtractionSummary summary = pipeline(0).run(images(5), Path.of("in"));
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("img03.jpg");
            assertThat(p.stage()).isEqualTo("prepare");
            assertThat(p.error()).contains("resize");
        });
        assertThat(copied).extracting(ImagePipelineTests::indexOf).containsExactly(0, 1, 2, 4);
    }

    @Test
    void anOutputFolderFailureWhileCopyingStopsTheJob() {
        copyFails = StageFailure.ofJob(
                StageName.COPY, Path.of("in/img00.jpg"), "Cannot write to output folder out: No space left", null);
        assertThatThrownBy(() -> pipeline(0).run(images(3), Path.of("in")))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("Cannot write to output folder out: No space left");
    }

    @Test
    void anImageThatVanishedBeforeItsCopyIsReportedAndTheOthersAreCopied() throws Exception {
        copyFails = StageFailure.ofInput(StageName.READ, Path.of("in/img00.jpg"), "can no longer be read", null);
        ExtractionSummary summary = pipeline(50).run(images(4), Path.of("in"));
        assertThat(summary.problems())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.stage()).isEqualTo("read"));
        assertThat(summary.written()).isZero();
    }

    @Test
    void cancellingWhileCopyingEndsAsCancelledNotAsAFailure() throws Exception {
        copyBlocks = true;
        ImagePipeline pipeline = pipeline(50);
        Future<ExtractionSummary> job = runner.submit(() -> {
            try (Cancellation.Registration registration = cancellation.interruptOnCancel()) {
                return pipeline.run(images(10), Path.of("in"));
            }
        });
        assertThat(blocked.await(20, TimeUnit.SECONDS)).isTrue();
        cancellation.cancel();
        assertThatThrownBy(() -> job.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
    }

    @Test
    void selectionSeesEveryScoreWhateverTheOrderTheyArrive() {
        TopPercentile top = new TopPercentile(0, 0);
        top.offer(new ScoredImage(2, Path.of("c.jpg"), 1));
        top.offer(new ScoredImage(0, Path.of("a.jpg"), 1));
        assertThat(top.select()).extracting(ScoredImage::index).containsExactly(0, 2);
    }
}
