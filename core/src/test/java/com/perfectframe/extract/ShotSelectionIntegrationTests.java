package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.CurationIntegrationTests.ScoresBySample;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.output.SamplesCsv;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.testing.SceneVideos;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selection by what is in the video: the gate against the best of a group, one picture per shot, the N best over
 * shots, near-duplicates over the whole video. Videos are drawn second by second ({@link SceneVideos}); the stub
 * model gives the seconds that must not win the highest scores, so each rule has to hold against NIMA.
 */
class ShotSelectionIntegrationTests {

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

    private ExtractionSummary run(ScoringModel model, UnaryOperator<ExtractionRequest.Builder> options)
            throws Exception {
        ExtractionRequest request =
                options.apply(ExtractionRequest.builder(input, output)).build();
        PipelineSettings settings = PipelineSettings.builder().prepareThreads(1).build();
        return new BestFramesExtractor(new FrameSampler(0), () -> model, settings)
                .run(request, new ExtractionProgress(), new Cancellation());
    }

    private List<Integer> writtenSeconds(String stem) throws Exception {
        return CurationIntegrationTests.writtenSeconds(output, stem);
    }

    /** The given seconds score highest (9 and more), the others 2 to 3. */
    private static ScoresBySample preferring(IntPredicate high, int seconds) {
        Map<Integer, Float> scores = new HashMap<>();
        for (int k = 0; k < seconds; k++) {
            if (high.test(k)) {
                scores.put(k, 9f + k / 100f);
            }
        }
        return new ScoresBySample(scores);
    }

    private static Mat brightened(Mat picture, double by) {
        return brightened(picture, by, 1);
    }

    /** The picture times {@code gain}, plus {@code by}. */
    private static Mat brightened(Mat picture, double by, double gain) {
        Mat out = new Mat();
        picture.convertTo(out, -1, gain, by);
        return out;
    }

    /** Sharp seconds of one scene; every other second of it is motion-blurred. */
    private static final Set<Integer> SHARP = Set.of(2, 5, 6, 10, 11, 12, 14, 19, 20);

    @Test
    void aSharpSampleAmongBlurredOnesWinsItsGroupWhateverTheProportionAndOrder() throws Exception {
        // Groups of 5: 4 blurred + 1 sharp (2), 3 + 2 (5, 6 first), 1 + 4 (13 blurred), 4 + 1 (sharp last, 19),
        // 4 + 1 (sharp first, 20), and 25–29 blurred throughout.
        SceneVideos.encode(input.resolve("blur.mp4"), 30, 4, k -> {
            try (Mat scene = SceneVideos.scene(3, k % 3)) {
                return SHARP.contains(k) ? scene.clone() : SceneVideos.blurred(scene);
            }
        });

        run(preferring(k -> !SHARP.contains(k), 30), b -> b.samplesCsv(true));

        List<Integer> kept = writtenSeconds("blur");
        assertThat(kept).hasSize(6);
        assertThat(kept.subList(0, 5)).allMatch(SHARP::contains);
        assertThat(kept.get(0)).isEqualTo(2);
        assertThat(kept.get(1)).isIn(5, 6);
        assertThat(kept.get(2)).isIn(10, 11, 12, 14);
        assertThat(kept.get(3)).isEqualTo(19);
        assertThat(kept.get(4)).isEqualTo(20);
        // Soft throughout: the group keeps its best-scored sample, as before.
        assertThat(kept.get(5)).isEqualTo(29);
        List<String> rows = Files.readAllLines(output.resolve(SamplesCsv.FILE_NAME));
        assertThat(rows.get(1 + 0)).contains(",rejected: blurred,");
        assertThat(rows.get(1 + 13)).contains(",rejected: blurred,");
        assertThat(rows.get(1 + 27)).contains(",lost: another sample of its group scored higher,");
    }

    /** Well-lit seconds of one scene; every other second of it is underexposed (a third of the light). */
    private static final Set<Integer> LIT = Set.of(2, 5, 6, 14, 15);

    @Test
    void aWellLitSampleAmongDarkOnesWinsItsGroupWhateverTheProportionAndOrder() throws Exception {
        // Groups of 5: 4 dark + 1 lit (2), 3 + 2 (5, 6 first), 4 + 1 (lit last, 14), 4 + 1 (lit first, 15), and
        // 20–24 dark throughout. A lit second between dark ones is brighter everywhere, as a flash is: it must not be
        // taken for one.
        SceneVideos.encode(input.resolve("dark.mp4"), 25, 4, k -> {
            try (Mat scene = SceneVideos.scene(5, k % 3)) {
                return LIT.contains(k) ? scene.clone() : brightened(scene, 0, 0.3);
            }
        });

        run(preferring(k -> !LIT.contains(k), 25), b -> b.samplesCsv(true));

        List<Integer> kept = writtenSeconds("dark");
        assertThat(kept).hasSize(5);
        assertThat(kept.get(0)).isEqualTo(2);
        assertThat(kept.get(1)).isIn(5, 6);
        assertThat(kept.subList(2, 5)).containsExactly(14, 15, 24);
        List<String> rows = Files.readAllLines(output.resolve(SamplesCsv.FILE_NAME));
        for (int k : LIT) {
            assertThat(rows.get(1 + k)).doesNotContain("flash");
        }
        assertThat(rows.get(1 + 0)).contains(",rejected: ");
        assertThat(rows.get(1 + 23)).contains(",lost: another sample of its group scored higher,");
    }

    /**
     * A (0–7), cut, B (8–13), fade through black (14–16), C (17–22), dissolve (23), D (24–31) with a flash at 27.
     */
    private static Mat shotsSecond(int k) {
        try (Mat a = SceneVideos.scene(21, k % 3);
                Mat b = SceneVideos.scene(22, k % 3);
                Mat c = SceneVideos.scene(23, k % 3);
                Mat d = SceneVideos.scene(24, k % 3);
                Mat black = SceneVideos.uniform(0)) {
            return switch (k) {
                case 14 -> SceneVideos.mix(b, black, 0.5);
                case 15 -> SceneVideos.uniform(0);
                case 16 -> SceneVideos.mix(c, black, 0.5);
                case 23 -> SceneVideos.mix(c, d, 0.5);
                case 27 -> brightened(d, 110);
                default -> (k < 8 ? a : k < 14 ? b : k < 23 ? c : d).clone();
            };
        }
    }

    private static final Set<Integer> NOT_IN_A_SHOT = Set.of(14, 15, 16, 23, 27);

    @Test
    void perShotGivesOnePicturePerShotAndNoneOnATransitionOrAFlash() throws Exception {
        SceneVideos.encode(input.resolve("shots.mp4"), 32, 4, ShotSelectionIntegrationTests::shotsSecond);

        run(preferring(NOT_IN_A_SHOT::contains, 32), b -> b.perShot(true).samplesCsv(true));

        List<Integer> kept = writtenSeconds("shots");
        assertThat(kept).hasSize(4).doesNotContainAnyElementsOf(NOT_IN_A_SHOT);
        assertThat(kept.get(0)).isBetween(0, 7);
        assertThat(kept.get(1)).isBetween(8, 13);
        assertThat(kept.get(2)).isBetween(17, 22);
        assertThat(kept.get(3)).isBetween(24, 31);
        List<String[]> rows = Files.readAllLines(output.resolve(SamplesCsv.FILE_NAME)).stream()
                .skip(1)
                .map(r -> r.split(",", -1))
                .toList();
        assertThat(rows).hasSize(32);
        // The shot column, last: four shots, numbered in order; the transition samples say so.
        assertThat(rows.get(3)[10]).isEqualTo("0");
        assertThat(rows.get(9)[10]).isEqualTo("1");
        assertThat(rows.get(18)[10]).isEqualTo("2");
        assertThat(rows.get(30)[10]).isEqualTo("3");
        assertThat(rows.get(15)[9]).startsWith("rejected: flat");
        assertThat(rows.get(14)[9]).isEqualTo("rejected: mid-transition (dissolve or fade)");
        assertThat(rows.get(16)[9]).isEqualTo("rejected: mid-transition (dissolve or fade)");
        assertThat(rows.get(23)[9]).isEqualTo("rejected: mid-transition (dissolve or fade)");
        assertThat(rows.get(27)[9]).isEqualTo("rejected: flash");
    }

    @Test
    void aLongStillShotGivesOnePictureWithPerShot() throws Exception {
        SceneVideos.encode(input.resolve("still.mp4"), 90, 2, k -> SceneVideos.scene(5, 0));

        run(preferring(k -> k == 61, 90), b -> b.perShot(true));

        assertThat(writtenSeconds("still")).containsExactly(61);
    }

    @Test
    void topNComesFromNDifferentShotsBestShotsFirst() throws Exception {
        // Six scenes of 10 s; scene 0 scores highest throughout, then scene 1, …: the N best frames by score alone
        // would all come from scene 0.
        SceneVideos.encode(input.resolve("six.mp4"), 60, 2, k -> SceneVideos.scene(40 + k / 10, k % 3));
        Map<Integer, Float> scores = new HashMap<>();
        for (int k = 0; k < 60; k++) {
            scores.put(k, 9f - k / 10 - (k % 10) / 100f);
        }

        run(new ScoresBySample(scores), b -> b.top(4));

        assertThat(writtenSeconds("six").stream().map(s -> s / 10).toList()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void topNTakesMoreFromTheSameShotsOnlyWhenThereAreFewerShotsThanN() throws Exception {
        SceneVideos.encode(input.resolve("two.mp4"), 40, 2, k -> SceneVideos.scene(60 + k / 20, 2 * (k % 5)));
        Map<Integer, Float> scores = new HashMap<>();
        for (int k = 0; k < 40; k++) {
            scores.put(k, 2f + (k * 37 % 40) / 10f);
        }

        run(new ScoresBySample(scores), b -> b.top(4).distinct(false).minGapSeconds(3.0));

        List<Integer> kept = writtenSeconds("two");
        assertThat(kept).hasSize(4);
        assertThat(kept.stream().map(s -> s / 20).distinct().toList()).containsExactly(0, 1);
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i) - kept.get(i - 1)).isGreaterThanOrEqualTo(3);
        }
    }

    /** A (0–9), B (10–19), A again (20–29). */
    private static Mat comeBackSecond(int k) {
        return SceneVideos.scene(k >= 10 && k < 20 ? 71 : 70, k % 2);
    }

    @Test
    void aSubjectThatComesBackAfterACutawayIsKeptOnceWithDistinct() throws Exception {
        SceneVideos.encode(input.resolve("aba.mp4"), 30, 2, ShotSelectionIntegrationTests::comeBackSecond);

        run(preferring(k -> k == 3, 30), b -> b.perShot(true).distinct(true));

        // The first A scores higher: the second collapses into it; B gives its own picture.
        List<Integer> kept = writtenSeconds("aba");
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0)).isEqualTo(3);
        assertThat(kept.get(1)).isBetween(10, 19);
    }

    @Test
    void aBetterCopyLaterReplacesTheEarlierPictureAlreadyWritten() throws Exception {
        SceneVideos.encode(input.resolve("aba.mp4"), 30, 2, ShotSelectionIntegrationTests::comeBackSecond);

        ExtractionSummary summary =
                run(preferring(k -> k == 24, 30), b -> b.distinct(true).samplesCsv(true));

        // Groups: A's groups collapse into one picture, B's into one; the best A (24) comes last and replaces the
        // A picture written from the first groups, which never reaches the output folder or the manifest.
        assertThat(writtenSeconds("aba")).hasSize(2).contains(24).allMatch(s -> s >= 10);
        List<String> manifest = Files.readAllLines(output.resolve(Manifest.FILE_NAME));
        assertThat(manifest).hasSize(1 + 2);
        // The summary counts the pictures that reached the output folder, not the one withdrawn.
        assertThat(summary.written()).isEqualTo(2);
        assertThat(Files.readAllLines(output.resolve(SamplesCsv.FILE_NAME)).stream()
                        .filter(r -> r.contains(",kept,")))
                .hasSize(2);
        assertThat(Files.readAllLines(output.resolve(SamplesCsv.FILE_NAME)).stream()
                        .filter(r -> r.contains(",dropped: near-duplicate of a better frame,"))
                        .count())
                .isGreaterThanOrEqualTo(3);
    }

    /**
     * With {@code --recursive} (issue 23) the same rules hold in the output's mirror of the input: a withdrawn picture
     * never reaches its subfolder or the manifest, and samples.csv names each video by its path as the manifest does,
     * with its shots, so that two videos of the same name stay apart.
     */
    @Test
    void inSubfoldersAWithdrawnPictureStaysOutAndSamplesAreNamedByTheirPath() throws Exception {
        for (String day : List.of("day1", "day2")) {
            Files.createDirectories(input.resolve("trip/" + day));
            SceneVideos.encode(
                    input.resolve("trip/" + day + "/aba.mp4"), 30, 2, ShotSelectionIntegrationTests::comeBackSecond);
        }

        // The stub model numbers the samples across the job: second 24 of each video scores highest.
        ExtractionSummary summary = run(
                preferring(k -> k % 30 == 24, 60),
                b -> b.recursive(true).distinct(true).samplesCsv(true));

        List<String> pictures;
        try (var files = Files.walk(output)) {
            pictures = files.filter(f -> f.toString().endsWith(".jpg"))
                    .map(f -> Manifest.nameIn(output, f))
                    .sorted()
                    .toList();
        }
        assertThat(pictures).hasSize(4).allMatch(name -> name.matches("trip/day[12]/aba_.*"));
        assertThat(summary.written()).isEqualTo(4);
        for (String day : List.of("day1", "day2")) {
            assertThat(CurationIntegrationTests.writtenSeconds(output.resolve("trip/" + day), "aba"))
                    .as(day)
                    .hasSize(2)
                    .contains(24)
                    .allMatch(s -> s >= 10);
            assertThat(input.resolve("trip/" + day + "/frames_extracted_aba.mp4"))
                    .exists();
        }
        Map<String, ManifestRow> manifest = ManifestReader.read(output.resolve(Manifest.FILE_NAME));
        assertThat(manifest.keySet()).containsExactlyInAnyOrderElementsOf(pictures);
        assertThat(manifest.get("trip/day2/aba_00-00-24.000.jpg").source()).isEqualTo("trip/day2/aba.mp4");

        List<String[]> rows = Files.readAllLines(output.resolve(SamplesCsv.FILE_NAME)).stream()
                .skip(1)
                .map(r -> r.split(",", -1))
                .toList();
        assertThat(rows).hasSize(60);
        for (String day : List.of("day1", "day2")) {
            List<String[]> video = rows.stream()
                    .filter(r -> r[0].equals("trip/" + day + "/aba.mp4"))
                    .toList();
            assertThat(video).as(day).hasSize(30);
            // A, B, A: three shots in order; the kept rows are the pictures in the manifest.
            assertThat(video.get(5)[10]).isEqualTo("0");
            assertThat(video.get(15)[10]).isEqualTo("1");
            assertThat(video.get(25)[10]).isEqualTo("2");
            assertThat(video.stream().filter(r -> r[9].equals("kept")).map(r -> Integer.parseInt(r[2])))
                    .containsExactlyInAnyOrderElementsOf(
                            CurationIntegrationTests.writtenSeconds(output.resolve("trip/" + day), "aba"));
        }
    }
}
