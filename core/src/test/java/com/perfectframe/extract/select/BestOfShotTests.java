package com.perfectframe.extract.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.select.BestOfGroupTests.Kept;
import com.perfectframe.extract.select.BestOfGroupTests.Sample;
import com.perfectframe.extract.select.CurationRulesTests.Verdicts;
import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.ShotSegmenter.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One picture per shot, on samples with made-up measures and shot marks. */
class BestOfShotTests {

    /** A picture whose thumbnail is {@code level} everywhere but a pattern of {@code seed}. */
    private static PictureMeasures picture(double sharpness, double darkShare, float level, int seed) {
        float[] thumbnail = new float[PictureMeasures.THUMBNAIL_LENGTH];
        for (int i = 0; i < thumbnail.length; i++) {
            thumbnail[i] = Math.min(1, level + ((i * 31 + seed * 17) % 7) / 70f);
        }
        return new PictureMeasures(sharpness, 120, darkShare, 0, 40, seed, thumbnail);
    }

    private static BestOfShot<Sample> rule(Kept kept, Verdicts verdicts, int maxHeld) {
        return new BestOfShot<>(
                QualityRules.defaults(), true, ExtractionRequest.Curation.DEFAULT_SHOT_DRIFT, maxHeld, verdicts, kept);
    }

    @Test
    void eachShotGivesItsBestSampleAfterTheGateAgainstTheShotsBest() throws Exception {
        Kept kept = new Kept();
        Verdicts verdicts = new Verdicts();
        BestOfShot<Sample> perShot = rule(kept, verdicts, 5);
        // Shot 0: the blurred samples score highest; the sharp one comes last.
        perShot.offer(new Sample(0, 9f, picture(20, 0, 0.3f, 1)).inShot(0));
        perShot.offer(new Sample(1, 8f, picture(25, 0, 0.3f, 1)).inShot(0));
        perShot.offer(new Sample(2, 3f, picture(500, 0, 0.3f, 1)).inShot(0));
        // A transition sample, then shot 1, dark throughout: it keeps its best.
        perShot.offer(new Sample(3, 9.5f, picture(500, 0, 0.3f, 1)).marked(0, Role.TRANSITION));
        perShot.offer(new Sample(4, 4f, picture(100, 0.7f, 0.1f, 2)).inShot(1));
        perShot.offer(new Sample(5, 6f, picture(90, 0.75f, 0.1f, 2)).inShot(1));
        perShot.offer(new Sample(6, 9.9f, picture(800, 0, 0.1f, 2)).marked(1, Role.FLASH));
        perShot.finish();

        assertThat(kept.ordinals()).containsExactly(2, 5);
        assertThat(verdicts.byOrdinal)
                .containsEntry(0, Verdict.BLURRED)
                .containsEntry(1, Verdict.BLURRED)
                .containsEntry(3, Verdict.TRANSITION)
                .containsEntry(4, Verdict.LOST)
                .containsEntry(6, Verdict.FLASH);
        assertThat(kept.finished).isTrue();
    }

    @Test
    void aShotWhoseSamplesAllFailKeepsItsBestAnyway() throws Exception {
        Kept kept = new Kept();
        Verdicts verdicts = new Verdicts();
        BestOfShot<Sample> perShot = rule(kept, verdicts, 5);
        // Against each other one is blurred, the other mostly crushed blacks.
        perShot.offer(new Sample(0, 7f, picture(100, 0, 0.3f, 1)).inShot(0));
        perShot.offer(new Sample(1, 4f, picture(500, 0.9f, 0.3f, 1)).inShot(0));
        perShot.finish();

        assertThat(kept.ordinals()).containsExactly(0);
        assertThat(verdicts.byOrdinal).containsEntry(0, Verdict.KEPT_ANYWAY).containsEntry(1, Verdict.DARK);
    }

    @Test
    void aStillShotGivesOnePictureAndADriftingOneAPictureAStretch() throws Exception {
        Kept kept = new Kept();
        BestOfShot<Sample> perShot = rule(kept, new Verdicts(), 5);
        for (int k = 0; k < 100; k++) {
            perShot.offer(new Sample(k, 2f + (k % 7) / 10f, picture(500, 0, 0.3f, 1)).inShot(0));
        }
        // Shot 1 brightens steadily (0.02 a sample): a new stretch whenever it moved more than the drift.
        for (int k = 100; k < 130; k++) {
            perShot.offer(new Sample(k, 2f, picture(500, 0, 0.1f + (k - 100) * 0.02f, 3)).inShot(1));
        }
        perShot.finish();

        assertThat(kept.ordinals().stream().filter(o -> o < 100)).hasSize(1);
        List<Integer> drifting = kept.ordinals().stream().filter(o -> o >= 100).toList();
        // 0.6 of drift in all, 0.15 a stretch: four or five pictures, in order.
        assertThat(drifting.size()).isBetween(4, 5);
        assertThat(drifting).isSorted();
    }

    @Test
    void itHoldsAtMostMaxHeldSamplesPlusTheFallbackWhateverTheShotsLength() throws Exception {
        Kept kept = new Kept();
        BestOfShot<Sample> perShot = rule(kept, new Verdicts(), 3);
        Random random = new Random(5);
        List<Sample> offered = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            Sample s = new Sample(k, random.nextFloat() * 10, picture(50 + random.nextInt(500), 0, 0.3f, 1)).inShot(0);
            offered.add(s);
            perShot.offer(s);
            long open = offered.stream().filter(o -> !o.closed).count();
            assertThat(open).isLessThanOrEqualTo(BestOfShot.framesHeld(3));
        }
        perShot.finish();
        // The winner is the best-scored sample that passes against the sharpest of the shot.
        double sharpest =
                offered.stream().mapToDouble(s -> s.measures.sharpness()).max().orElseThrow();
        Sample best = offered.stream()
                .filter(s -> s.measures.sharpness() >= 0.5 * sharpest)
                .max((a, b) -> a.beats(b) ? 1 : b.beats(a) ? -1 : 0)
                .orElseThrow();
        assertThat(kept.ordinals()).containsExactly(best.ordinal);
    }

    @Test
    void discardReleasesWhatItHolds() throws Exception {
        Kept kept = new Kept();
        BestOfShot<Sample> perShot = rule(kept, new Verdicts(), 5);
        Sample a = new Sample(0, 5f, picture(500, 0, 0.3f, 1)).inShot(0);
        Sample b = new Sample(1, 6f, picture(100, 0, 0.3f, 1)).inShot(0);
        perShot.offer(a);
        perShot.offer(b);
        perShot.discard();
        assertThat(a.closed).isTrue();
        assertThat(b.closed).isTrue();
        assertThat(kept.discarded).isTrue();
    }
}
