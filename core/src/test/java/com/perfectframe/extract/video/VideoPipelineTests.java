package com.perfectframe.extract.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.GroupPlan;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.StageSizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The video pipeline's concurrency core with stub stages (no native code): every sample released whatever
 * happens, failures typed with their stage and file, the job going on where a failure is per video, cancellation,
 * back-pressure, and the frame budget.
 */
@Timeout(60)
class VideoPipelineTests {

    private static final String PREFIX = "done_";

    @TempDir
    Path dir;

    final StubVideos stubs = new StubVideos();
    final ExtractionProgress progress = new ExtractionProgress();
    final Cancellation cancellation = new Cancellation();
    final ExecutorService runner = Executors.newSingleThreadExecutor();
    GroupPlan plan = new GroupPlan(100, 5);
    StageSizes sizes = new StageSizes(2, 2, 4, 64L << 20);
    boolean scoring = true;
    VideoPipeline<StubVideos.Sample> pipeline;

    @AfterEach
    void stop() {
        stubs.gate.countDown();
        runner.shutdownNow();
    }

    private List<Path> videos(String... names) throws Exception {
        List<Path> videos = new ArrayList<>();
        for (String name : names) {
            videos.add(Files.writeString(dir.resolve(name), "video"));
            stubs.script(name);
        }
        return videos;
    }

    private VideoPipeline<StubVideos.Sample> pipeline() {
        pipeline = pipeline(progress);
        return pipeline;
    }

    /** The pipeline users run: each video staged in the output folder, committed with its rename. */
    private VideoPipeline<StubVideos.Sample> pipeline(ExtractionProgress progress) {
        VideoPipeline.Outputs outputs = new VideoPipeline.Outputs(new OutputStaging(output()), PREFIX);
        return scoring
                ? VideoPipeline.scored(
                        stubs.source(),
                        new VideoPipeline.Scoring<>(
                                stubs::preparer, new BatchScorer(stubs.scorer(), input -> {}), stubs.bestOfGroup(plan)),
                        stubs::writer,
                        sizes,
                        outputs,
                        progress,
                        cancellation)
                : VideoPipeline.everySample(stubs.source(), stubs::writer, sizes, outputs, progress, cancellation);
    }

    private Path output() {
        return dir.resolve("out");
    }

    /** The pictures in the output folder, as "video:ordinal" (their content), sorted. */
    private List<String> picturesInOutput() throws Exception {
        if (!Files.isDirectory(output())) {
            return List.of();
        }
        try (var files = Files.list(output())) {
            List<String> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                found.add(Files.readString(file));
            }
            return found.stream().sorted().toList();
        }
    }

    /** What the writer wrote, as "video:ordinal", sorted. */
    private List<String> writtenKeys(String... videos) {
        Set<String> wanted = Set.of(videos);
        synchronized (stubs.written) {
            return stubs.written.stream()
                    .filter(w -> wanted.contains(w.video()))
                    .map(w -> w.video() + ":" + w.ordinal())
                    .sorted()
                    .toList();
        }
    }

    private ExtractionSummary run(List<Path> videos) throws Exception {
        return pipeline().run(videos);
    }

    private Future<ExtractionSummary> start(List<Path> videos) {
        VideoPipeline<StubVideos.Sample> p = pipeline();
        return runner.submit(() -> p.run(videos));
    }

    /** The frames the writer must get for a video of n samples: the best of each group. */
    private List<Integer> bestOfGroups(int samples, Set<Integer> missing) {
        List<Integer> winners = new ArrayList<>();
        for (long g = 0; plan.firstOf(g) < samples; g++) {
            int best = -1;
            for (long k = plan.firstOf(g); k < plan.firstOf(g) + plan.sizeOf(g, samples); k++) {
                int ordinal = (int) k;
                if (!missing.contains(ordinal)
                        && (best < 0 || StubVideos.scoreOf(ordinal) > StubVideos.scoreOf(best))) {
                    best = ordinal;
                }
            }
            if (best >= 0) {
                winners.add(best);
            }
        }
        return winners;
    }

    private List<Integer> writtenOf(String video) {
        synchronized (stubs.written) {
            return stubs.written.stream()
                    .filter(w -> w.video().equals(video))
                    .map(StubVideos.Written::ordinal)
                    .sorted()
                    .toList();
        }
    }

    private void assertEverythingReleased() {
        assertThat(stubs.open()).as("samples never released").isEmpty();
        assertThat(pipeline.budget().available())
                .as("frame budget given back")
                .isEqualTo(pipeline.budget().total());
        assertThat(stageThreadsAlive()).as("stage threads still running").isEmpty();
        assertThat(output().resolve(OutputStaging.FOLDER))
                .as("no staging folder is left")
                .doesNotExist();
    }

    private static List<String> stageThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.matches("(prepare|score|select|write)(-\\d+)?"))
                .toList();
    }

    @Test
    void keepsTheBestOfEachGroupOfEveryVideoAndRenamesThem() throws Exception {
        List<Path> videos = videos("a.mp4", "b.mp4", "c.mp4");
        stubs.script("a.mp4").samples = 23;
        stubs.script("b.mp4").samples = 1;
        stubs.script("c.mp4").samples = 40;
        ExtractionSummary summary = run(videos);
        assertThat(writtenOf("a.mp4")).isEqualTo(bestOfGroups(23, Set.of()));
        assertThat(writtenOf("b.mp4")).containsExactly(0);
        assertThat(writtenOf("c.mp4")).isEqualTo(bestOfGroups(40, Set.of()));
        assertThat(stubs.written).allSatisfy(w -> assertThat(w.score()).isEqualTo(StubVideos.scoreOf(w.ordinal())));
        assertThat(summary.filesProcessed()).isEqualTo(3);
        assertThat(summary.samples()).isEqualTo(64);
        assertThat(summary.written()).isEqualTo(stubs.written.size());
        assertThat(dir.resolve("done_a.mp4")).exists();
        assertThat(dir.resolve("done_c.mp4")).exists();
        assertThat(progress.snapshot().filesDone()).isEqualTo(3);
        assertThat(picturesInOutput())
                .as("every kept sample committed to the output folder")
                .isEqualTo(writtenKeys("a.mp4", "b.mp4", "c.mp4"));
        assertThat(Files.readAllLines(output().resolve("manifest.csv"))).hasSize(1 + stubs.written.size());
        assertEverythingReleased();
    }

    @Test
    void framesExtractionWritesEverySampleUnscored() throws Exception {
        scoring = false;
        List<Path> videos = videos("a.mp4", "b.mp4");
        stubs.script("b.mp4").samples = 7;
        ExtractionSummary summary = run(videos);
        assertThat(writtenOf("a.mp4")).isEqualTo(IntStream.range(0, 10).boxed().toList());
        assertThat(writtenOf("b.mp4")).isEqualTo(IntStream.range(0, 7).boxed().toList());
        assertThat(stubs.written).allSatisfy(w -> assertThat(w.score()).isNull());
        assertThat(summary.samples()).isEqualTo(17);
        assertThat(summary.filesProcessed()).isEqualTo(2);
        assertEverythingReleased();
    }

    @ParameterizedTest
    @ValueSource(strings = {"decode", "prepare", "select", "write"})
    void aFailureInOneVideoReleasesItsSamplesNamesTheStageAndTheJobGoesOn(String stage) throws Exception {
        List<Path> videos = videos("a.mp4", "bad.mp4", "c.mp4");
        stubs.script("bad.mp4").samples = 30;
        switch (stage) {
            case "decode" -> stubs.script("bad.mp4").failAt = 12;
            case "prepare" -> stubs.prepareFails.add("bad.mp4:12");
            case "select" -> stubs.selectFails.add("bad.mp4:12");
            default ->
                stubs.writeFails.add("bad.mp4:" + bestOfGroups(30, Set.of()).get(1));
        }
        ExtractionSummary summary = run(videos);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bad.mp4");
            assertThat(p.stage()).isEqualTo(stage);
            assertThat(p.error()).isNotBlank();
        });
        assertThat(summary.filesProcessed()).isEqualTo(2);
        assertThat(dir.resolve("bad.mp4")).as("a failed video is not renamed").exists();
        assertThat(dir.resolve("done_a.mp4")).exists();
        assertThat(dir.resolve("done_c.mp4")).exists();
        assertThat(writtenOf("a.mp4")).isEqualTo(bestOfGroups(10, Set.of()));
        assertThat(writtenOf("c.mp4")).isEqualTo(bestOfGroups(10, Set.of()));
        assertThat(picturesInOutput())
                .as("what the failed video wrote is kept, as are the others' pictures")
                .isEqualTo(writtenKeys("a.mp4", "bad.mp4", "c.mp4"));
        assertEverythingReleased();
    }

    @Test
    void aScoringFailureStopsTheJobAndReleasesEverything() throws Exception {
        List<Path> videos = videos("a.mp4", "b.mp4");
        stubs.scoreFails = true;
        assertThatThrownBy(() -> run(videos))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("Scoring failed: TensorFlow: out of memory");
        assertThat(dir.resolve("a.mp4")).exists();
        assertThat(dir.resolve("b.mp4")).exists();
        assertEverythingReleased();
    }

    @Test
    void anOutputFolderFailureStopsTheJobWithItsOwnMessage() throws Exception {
        List<Path> videos = videos("a.mp4", "b.mp4");
        stubs.script("a.mp4").samples = 30;
        stubs.writeFailsJob.add("a.mp4:" + bestOfGroups(30, Set.of()).get(2));
        assertThatThrownBy(() -> run(videos))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("Cannot write to output folder out: No space left");
        assertThat(dir.resolve("a.mp4")).exists();
        assertThat(writtenOf("b.mp4")).isEmpty();
        assertEverythingReleased();
    }

    @ParameterizedTest
    @ValueSource(strings = {"decode", "prepare", "score", "write"})
    void cancellingAtAnyStageLeavesNothingOpenAndRenamesNothingUnfinished(String stage) throws Exception {
        List<Path> videos = videos("a.mp4", "b.mp4");
        stubs.script("b.mp4").samples = 40;
        switch (stage) {
            case "decode" -> stubs.script("b.mp4").blockAt = 17;
            case "prepare" -> stubs.prepareBlocks = "b.mp4:17";
            case "score" -> stubs.scoreBlocks = "b.mp4:17";
            default -> stubs.writeBlocks = "b.mp4:" + bestOfGroups(40, Set.of()).get(3);
        }
        Future<ExtractionSummary> job = start(videos);
        assertThat(stubs.blocked.await(20, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        cancellation.cancel();
        assertThatThrownBy(() -> job.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(dir.resolve("b.mp4"))
                .as("the video in progress keeps its name")
                .exists();
        assertThat(picturesInOutput())
                .as("the unfinished video's pictures are discarded")
                .noneMatch(k -> k.startsWith("b.mp4:"));
        assertEverythingReleased();
    }

    @Test
    void aSlowWriterHoldsDecodingBackInsteadOfGrowingMemory() throws Exception {
        scoring = false;
        stubs.writeMillis = 5;
        sizes = new StageSizes(1, 1, 4, 8L << 20);
        List<Path> videos = videos("long.mp4");
        stubs.script("long.mp4").samples = 200;
        run(videos);
        assertThat(writtenOf("long.mp4")).hasSize(200);
        // 8 MB of 1 MB samples: never more than 8 in the pipeline, however long the video, plus the one the
        // decoder holds while it waits for room.
        assertThat(stubs.maxLive.get()).isLessThanOrEqualTo(8 + 1);
        assertEverythingReleased();
    }

    @Test
    void withAnyBudgetTheQueuesStillBoundWhatIsHeld() throws Exception {
        scoring = false;
        stubs.writeMillis = 2;
        sizes = new StageSizes(1, 2, 4, 4096L << 20);
        List<Path> videos = videos("long.mp4");
        stubs.script("long.mp4").samples = 200;
        run(videos);
        // Two writers, a queue of four, and the sample in the decoder's hand.
        assertThat(stubs.maxLive.get()).isLessThanOrEqualTo(2 + 4 + 1);
        assertEverythingReleased();
    }

    @Test
    void aBudgetOfOneFrameNeverDeadlocksEvenWithMissingSamples() throws Exception {
        stubs.sampleBytes = 50L << 20;
        sizes = new StageSizes(2, 1, 4, 1L << 20);
        List<Path> videos = videos("a.mp4", "b.mp4");
        stubs.script("a.mp4").samples = 60;
        stubs.script("a.mp4").missing = Set.of(3, 4, 11, 25, 26, 27, 28, 29, 59);
        stubs.script("b.mp4").samples = 13;
        ExtractionSummary summary = run(videos);
        assertThat(writtenOf("a.mp4")).isEqualTo(bestOfGroups(60, stubs.script("a.mp4").missing));
        assertThat(writtenOf("b.mp4")).isEqualTo(bestOfGroups(13, Set.of()));
        // The budget holds two frames: one group's best so far, and the sample that may replace it; the decoder
        // holds the next one while it waits.
        assertThat(stubs.maxLive.get()).isLessThanOrEqualTo(2 + 1);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("a.mp4");
            assertThat(p.error()).contains("9 of 60 sample frames could not be decoded");
        });
        assertThat(dir.resolve("a.mp4"))
                .as("an incomplete video is not renamed")
                .exists();
        assertThat(dir.resolve("done_b.mp4")).exists();
        assertEverythingReleased();
    }

    @Test
    void manyFailingVideosNeverLeakFramesOrStarveTheBudget() throws Exception {
        sizes = new StageSizes(2, 2, 4, 3L << 20);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("v" + i + ".mp4");
        }
        List<Path> videos = videos(names.toArray(String[]::new));
        for (int i = 0; i < 40; i++) {
            StubVideos.Script script = stubs.script("v" + i + ".mp4");
            script.samples = 12;
            if (i % 3 == 0) {
                script.failAt = 1 + i % 11;
            } else if (i % 3 == 1) {
                stubs.prepareFails.add("v" + i + ".mp4:" + (i % 12));
            }
        }
        ExtractionSummary summary = run(videos);
        assertThat(summary.filesProcessed()).isEqualTo(13);
        assertThat(summary.problems()).hasSize(27);
        assertEverythingReleased();
    }

    @Test
    void aJobFailureOnAVideosLastPictureNeverRenamesThatVideo() throws Exception {
        List<Path> videos = videos("a.mp4", "b.mp4");
        stubs.script("b.mp4").samples = 60;
        List<Integer> winners = bestOfGroups(10, Set.of());
        stubs.writeFailsJob.add("a.mp4:" + winners.get(winners.size() - 1));
        assertThatThrownBy(() -> run(videos)).isInstanceOf(ExtractionException.class);
        assertThat(dir.resolve("a.mp4")).as("its last picture was not written").exists();
        assertThat(dir.resolve("done_a.mp4")).doesNotExist();
        assertThat(dir.resolve("b.mp4")).exists();
        assertEverythingReleased();
    }

    @Test
    void aPictureThatCannotBeWrittenIsReportedBeforeItsVideoCanBeRenamed() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            Path video = Files.writeString(dir.resolve("v" + attempt + ".mp4"), "video");
            stubs.script(video.getFileName().toString()).samples = 10;
            List<Integer> winners = bestOfGroups(10, Set.of());
            stubs.writeFails.add(video.getFileName() + ":" + winners.get(winners.size() - 1));
            ExtractionProgress attemptProgress = new ExtractionProgress();
            ExtractionSummary summary = pipeline(attemptProgress).run(List.of(video));
            assertThat(summary.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.stage()).isEqualTo("write"));
            assertThat(summary.filesProcessed()).isZero();
            assertThat(video).exists();
        }
        assertThat(stubs.open()).isEmpty();
    }

    @Test
    void framesExtractionTakesSamplesFromParallelDecoders() throws Exception {
        scoring = false;
        stubs.parallel = true;
        List<Path> videos = videos("a.mp4", "b.mp4");
        stubs.script("a.mp4").samples = 41;
        ExtractionSummary summary = run(videos);
        assertThat(writtenOf("a.mp4")).isEqualTo(IntStream.range(0, 41).boxed().toList());
        assertThat(writtenOf("b.mp4")).isEqualTo(IntStream.range(0, 10).boxed().toList());
        assertThat(summary.filesProcessed()).isEqualTo(2);
        assertEverythingReleased();
    }

    @Test
    void selectionRefusesASourceThatDeliversOutOfOrder() {
        stubs.parallel = true;
        assertThatThrownBy(this::pipeline)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in order");
    }

    @Test
    void theNextVideosTailDoesNotResetTheCurrentFilesProgress() {
        ExtractionProgress p = new ExtractionProgress();
        p.begin(2);
        p.startFile(Path.of("a.mp4"));
        p.plannedSamples(10);
        p.sampleDone(Path.of("a.mp4"));
        p.startFile(Path.of("b.mp4"));
        p.plannedSamples(20);
        p.sampleDone(Path.of("a.mp4"));
        p.sampleDone(Path.of("b.mp4"));
        ExtractionProgress.Snapshot s = p.snapshot();
        assertThat(s.currentFile()).isEqualTo("b.mp4");
        assertThat(s.samplesDone()).isEqualTo(1);
        assertThat(s.samplesTotal()).isEqualTo(20);
        assertThat(s.totalSamplesDone()).isEqualTo(3);
    }
}
