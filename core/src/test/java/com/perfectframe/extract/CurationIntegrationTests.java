package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.SamplesCsv;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.PicturePreparer;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.testing.SceneVideos;
import com.perfectframe.testing.StubScorer;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection rules on videos made for them: seconds that must never win (motion blur, a fade through black, a
 * dissolve, a flat grey second) given the highest scores, a static scene, and a video of five scenes.
 */
class CurationIntegrationTests {

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

    /**
     * Scores samples by their place in the video: with one preparing thread a video's samples are prepared in order,
     * so the n-th picture prepared is sample n.
     */
    static final class ScoresBySample implements ScoringModel {
        private final AtomicInteger prepared = new AtomicInteger();
        private final StubScorer scorer;

        ScoresBySample(Map<Integer, Float> high) {
            scorer = new StubScorer(in -> high.getOrDefault((int) in[0], 2 + ((int) in[0] * 37 % 10) / 10f));
        }

        @Override
        public PicturePreparer newPreparer() {
            return bgr -> new float[] {prepared.getAndIncrement()};
        }

        @Override
        public FrameScorer scorer() {
            return scorer;
        }

        @Override
        public void close() {}
    }

    private ExtractionSummary run(ScoringModel model, UnaryOperator<ExtractionRequest.Builder> options)
            throws Exception {
        ExtractionRequest request =
                options.apply(ExtractionRequest.builder(input, output)).build();
        PipelineSettings settings = PipelineSettings.builder().prepareThreads(1).build();
        return new BestFramesExtractor(new FrameSampler(0), () -> model, settings)
                .run(request, new ExtractionProgress(), new Cancellation());
    }

    /**
     * Copies the written pictures to {@code -Dcuration.pictures=DIR}/name when set: how the README's picture of the
     * winners with and without the gate is made (docs/images/README.md).
     */
    private void keepPictures(String name) throws Exception {
        String folder = System.getProperty("curation.pictures");
        if (folder == null) {
            return;
        }
        Path target = Files.createDirectories(Path.of(folder, name));
        try (var files = Files.list(output)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jpg")).toList()) {
                Files.copy(p, target.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The seconds of the written frames, from their names. */
    private List<Integer> writtenSeconds(String stem) throws Exception {
        return writtenSeconds(output, stem);
    }

    /** The seconds of the frames of a video written to an output folder, from their names. */
    static List<Integer> writtenSeconds(Path output, String stem) throws Exception {
        List<Integer> seconds = new ArrayList<>();
        try (var files = Files.list(output)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(stem + "_"))
                    .sorted()
                    .toList()) {
                String time = p.getFileName().toString().substring(stem.length() + 1, stem.length() + 13);
                String[] parts = time.split("[-.]");
                seconds.add(Integer.parseInt(parts[0]) * 3600
                        + Integer.parseInt(parts[1]) * 60
                        + Integer.parseInt(parts[2]));
            }
        }
        return seconds;
    }

    /**
     * Scene A, with a motion-blurred stretch (11–12), a fade through black (16–20) into scene B (21–25), a dissolve
     * back to A (26–27) and a flat grey second (31).
     */
    private static Mat spoiltSecond(int k) {
        try (Mat a = SceneVideos.scene(1, k % 3);
                Mat b = SceneVideos.scene(2, k % 3);
                Mat black = SceneVideos.uniform(0)) {
            return switch (k) {
                case 11, 12 -> SceneVideos.blurred(a);
                case 16 -> SceneVideos.mix(a, black, 0.7);
                case 17 -> SceneVideos.mix(a, black, 0.3);
                case 18 -> SceneVideos.uniform(0);
                case 19 -> SceneVideos.mix(b, black, 0.3);
                case 20 -> SceneVideos.mix(b, black, 0.7);
                case 26 -> SceneVideos.mix(b, a, 0.65);
                case 27 -> SceneVideos.mix(b, a, 0.35);
                case 31 -> SceneVideos.uniform(128);
                default -> k >= 21 && k <= 25 ? b.clone() : a.clone();
            };
        }
    }

    private static final Set<Integer> SPOILT = Set.of(11, 12, 16, 17, 18, 19, 20, 26, 27, 31);

    private static Map<Integer, Float> spoiltScoreHighest() {
        Map<Integer, Float> high = new java.util.HashMap<>();
        SPOILT.forEach(k -> high.put(k, 9f + k / 100f));
        return high;
    }

    @Test
    void theQualityGateNeverKeepsBlurredFadedDissolvedOrFlatSeconds() throws Exception {
        SceneVideos.encode(input.resolve("spoilt.mp4"), 35, 5, CurationIntegrationTests::spoiltSecond);

        run(new ScoresBySample(spoiltScoreHighest()), b -> b.samplesCsv(true));
        keepPictures("with-gate");

        List<Integer> kept = writtenSeconds("spoilt");
        assertThat(kept).hasSize(7).doesNotContainAnyElementsOf(SPOILT);
        List<String> rows = Files.readAllLines(output.resolve(SamplesCsv.FILE_NAME));
        assertThat(rows).hasSize(1 + 35);
        assertThat(rows.get(1 + 12)).contains(",12,").contains(",rejected: blurred,");
        assertThat(rows.get(1 + 17)).contains(",rejected: mid-transition (dissolve or fade),");
        assertThat(rows.get(1 + 18)).contains(",rejected: flat (black or white or one colour),");
        assertThat(rows.get(1 + 26)).contains(",rejected: mid-transition (dissolve or fade),");
        assertThat(rows.get(1 + 31)).contains(",rejected: flat (black or white or one colour),");
        assertThat(rows.stream().filter(r -> r.contains(",kept,"))).hasSize(7);
    }

    @Test
    void withoutTheGateEachKindOfSpoiltSecondWins() throws Exception {
        SceneVideos.encode(input.resolve("spoilt.mp4"), 35, 5, CurationIntegrationTests::spoiltSecond);

        run(new ScoresBySample(spoiltScoreHighest()), b -> b.qualityGate(false));
        keepPictures("without-gate");

        List<Integer> kept = writtenSeconds("spoilt");
        assertThat(kept).contains(12, 19, 20, 27, 31);
    }

    private static Mat staticSecond(int k) {
        Mat scene = SceneVideos.scene(5, 0);
        // Sensor noise: a few pixels change every second.
        scene.ptr(k % SceneVideos.HEIGHT, (k * 7) % SceneVideos.WIDTH).put(new byte[] {(byte) 255, 0, 0});
        return scene;
    }

    @Test
    void aStaticMinuteGivesOnePictureWithDistinctAndTwelveWithout() throws Exception {
        SceneVideos.encode(input.resolve("still.mp4"), 60, 2, CurationIntegrationTests::staticSecond);
        run(new ScoresBySample(Map.of()), b -> b);
        assertThat(writtenSeconds("still")).hasSize(12);

        Files.move(input.resolve("frames_extracted_still.mp4"), input.resolve("still2.mp4"));
        run(new ScoresBySample(Map.of()), b -> b.distinct(true));
        assertThat(writtenSeconds("still2")).hasSize(1);
    }

    @Test
    void topFiveOfFiveScenesGivesOneFrameOfEachScene() throws Exception {
        SceneVideos.encode(input.resolve("scenes.mp4"), 600, 1, k -> SceneVideos.scene(10 + k / 120, 0));

        run(new ScoresBySample(Map.of()), b -> b.top(5));

        List<Integer> kept = writtenSeconds("scenes");
        assertThat(kept).hasSize(5);
        assertThat(kept.stream().map(s -> s / 120).toList()).containsExactly(0, 1, 2, 3, 4);
    }
}
