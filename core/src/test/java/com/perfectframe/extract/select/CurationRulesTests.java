package com.perfectframe.extract.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.select.BestOfGroupTests.Kept;
import com.perfectframe.extract.select.BestOfGroupTests.Sample;
import com.perfectframe.quality.PictureMeasures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quality gate, near-duplicate suppression and the N best, on samples with made-up measures. */
class CurationRulesTests {

    /** Measures of a picture of one flat colour per thumbnail pixel pattern {@code seed}. */
    private static PictureMeasures measures(double sharpness, double spread, long hash, int seed) {
        float[] thumbnail = new float[PictureMeasures.THUMBNAIL_LENGTH];
        for (int i = 0; i < thumbnail.length; i++) {
            thumbnail[i] = ((i * 31 + seed * 17) % 97) / 97f;
        }
        return new PictureMeasures(sharpness, 120, 0.02, 0.01, spread, hash, thumbnail);
    }

    private static PictureMeasures sharp(int seed) {
        return measures(500, 40, seed * 0x0F0F_0F0FL, seed);
    }

    private static PictureMeasures flat() {
        float[] grey = new float[PictureMeasures.THUMBNAIL_LENGTH];
        Arrays.fill(grey, 0.5f);
        return new PictureMeasures(0, 128, 0, 0, 0.5, 0, grey);
    }

    /** Records each verdict. */
    static final class Verdicts implements SelectionLog {
        final Map<Integer, Verdict> byOrdinal = new HashMap<>();

        @Override
        public void verdict(Scored sample, Verdict verdict) {
            byOrdinal.put(sample.ordinal(), verdict);
        }
    }

    @Test
    void theGateRejectsABlurredSampleAgainstItsGroupAndKeepsTheBestOfTheRest() throws Exception {
        Kept kept = new Kept();
        Verdicts verdicts = new Verdicts();
        GatedBestOfGroup<Sample> gate =
                new GatedBestOfGroup<>(new GroupPlan(100, 5), 5, QualityRules.defaults(), verdicts, kept);
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(0, 3f, sharp(1)));
        samples.add(new Sample(1, 9f, measures(100, 40, 0x0F0F_0F0FL, 1))); // a fifth as sharp: blurred
        samples.add(new Sample(2, 5f, sharp(1)));
        samples.add(new Sample(3, 4f, sharp(1)));
        samples.add(new Sample(4, 2f, sharp(1)));
        for (Sample s : samples) {
            gate.offer(s);
        }
        gate.finish();

        assertThat(kept.samples).extracting(s -> s.ordinal).containsExactly(2);
        assertThat(verdicts.byOrdinal).containsEntry(1, Verdict.BLURRED).containsEntry(0, Verdict.LOST);
        assertThat(samples).filteredOn(s -> s.ordinal != 2).allMatch(s -> s.closed);
        assertThat(kept.finished).isTrue();
    }

    @Test
    void aGroupThatAllFailsKeepsItsBestAnywayUnlessItIsAllFlat() throws Exception {
        Kept kept = new Kept();
        Verdicts verdicts = new Verdicts();
        GatedBestOfGroup<Sample> gate =
                new GatedBestOfGroup<>(new GroupPlan(100, 2), 4, QualityRules.defaults(), verdicts, kept);
        gate.offer(new Sample(0, 5f, flat()));
        gate.offer(new Sample(1, 6f, flat()));
        float[] thumbnail = sharp(2).thumbnail();
        // Against each other, one is blurred and the other mostly crushed blacks: both fail.
        gate.offer(new Sample(2, 7f, new PictureMeasures(100, 120, 0.0, 0, 30, 7, thumbnail)));
        gate.offer(new Sample(3, 4f, new PictureMeasures(500, 30, 0.9, 0, 30, 7, thumbnail)));
        gate.finish();

        // Group 0 is all flat: nothing is kept. Group 1 keeps its best anyway, and says so.
        assertThat(kept.samples).extracting(s -> s.ordinal).containsExactly(2);
        assertThat(verdicts.byOrdinal)
                .containsEntry(0, Verdict.FLAT)
                .containsEntry(1, Verdict.FLAT)
                .containsEntry(2, Verdict.KEPT_ANYWAY)
                .containsEntry(3, Verdict.DARK);
    }

    @Test
    void theGateWaitsForBothNeighboursWhatEverTheOrderAndReleasesEverythingOnDiscard() throws Exception {
        Kept kept = new Kept();
        GatedBestOfGroup<Sample> gate =
                new GatedBestOfGroup<>(new GroupPlan(100, 2), 6, QualityRules.defaults(), SelectionLog.NONE, kept);
        Sample s1 = new Sample(1, 5f, sharp(1));
        Sample s0 = new Sample(0, 4f, sharp(1));
        Sample s3 = new Sample(3, 6f, sharp(1));
        gate.offer(s1);
        gate.offer(s3);
        assertThat(kept.samples).isEmpty();
        gate.offer(s0);
        // Group 0 (0–1) is complete but waits for sample 2, its next neighbour.
        assertThat(kept.samples).isEmpty();
        gate.skipped(2);
        assertThat(kept.samples).extracting(s -> s.ordinal).containsExactly(1);

        gate.discard();
        assertThat(s3.closed).isTrue();
        assertThat(s0.closed).isTrue();
        assertThat(kept.discarded).isTrue();
    }

    @Test
    void aGroupWhoseLastSampleDoesNotWinIsDecidedWithoutWaitingForTheNextAndFlatSamplesGoAtOnce() throws Exception {
        Kept kept = new Kept();
        GatedBestOfGroup<Sample> gate =
                new GatedBestOfGroup<>(new GroupPlan(100, 3), 9, QualityRules.defaults(), SelectionLog.NONE, kept);
        Sample s0 = new Sample(0, 8f, sharp(1));
        Sample s1 = new Sample(1, 9f, flat());
        Sample s2 = new Sample(2, 5f, sharp(1));
        gate.offer(s0);
        gate.offer(s1);
        assertThat(s1.closed).as("a flat sample is let go at once").isTrue();
        gate.offer(s2);
        assertThat(kept.samples).extracting(s -> s.ordinal).containsExactly(0);
        assertThat(s2.closed).isTrue();
        gate.discard();
    }

    @Test
    void nearDuplicatesCollapseIntoTheBetterScoredOneAcrossGroups() throws Exception {
        Kept kept = new Kept();
        Verdicts verdicts = new Verdicts();
        DistinctFrames<Sample> distinct = new DistinctFrames<>(10, verdicts, kept);
        Sample a1 = new Sample(0, 3f, sharp(1));
        Sample a2 = new Sample(5, 6f, sharp(1));
        Sample a3 = new Sample(10, 4f, sharp(1));
        Sample b = new Sample(15, 2f, sharp(2));
        distinct.offer(a1);
        distinct.offer(a2);
        distinct.offer(a3);
        distinct.offer(b);
        distinct.finish();

        // a1 went on at once; a2, better, took its place (a1 is withdrawn from the commit); a3 collapsed into a2.
        assertThat(kept.samples).extracting(s -> s.ordinal).containsExactly(5, 15);
        assertThat(kept.withdrawn).containsExactly(0);
        assertThat(a3.closed).isTrue();
        assertThat(verdicts.byOrdinal).containsEntry(10, Verdict.DUPLICATE);
    }

    @Test
    void theBestNAreSpreadByTheGapAndPassedOnInTimeOrder() throws Exception {
        Kept kept = new Kept();
        Verdicts verdicts = new Verdicts();
        BestPerVideo<Sample> top = new BestPerVideo<>(2, 10, verdicts, kept);
        List<Sample> samples = List.of(
                new Sample(0, 5f), new Sample(20, 9f), new Sample(22, 8f), new Sample(40, 7f), new Sample(60, 1f));
        for (Sample s : samples) {
            top.offer(s);
        }
        top.finish();

        assertThat(kept.samples).extracting(s -> s.ordinal).containsExactly(20, 40);
        assertThat(verdicts.byOrdinal)
                .containsEntry(22, Verdict.TOO_CLOSE)
                .containsEntry(0, Verdict.NOT_TOP)
                .containsEntry(60, Verdict.NOT_TOP);
        assertThat(samples).filteredOn(s -> s.ordinal != 20 && s.ordinal != 40).allMatch(s -> s.closed);
    }

    @Test
    void theBestNHoldAtMost2NPlus2Frames() throws Exception {
        Kept kept = new Kept();
        BestPerVideo<Sample> top = new BestPerVideo<>(1, 0, SelectionLog.NONE, kept);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Sample s = new Sample(i, i);
            samples.add(s);
            top.offer(s);
            assertThat(samples.stream().filter(x -> !x.closed).count()).isLessThanOrEqualTo(4);
        }
        top.finish();
        assertThat(kept.samples).extracting(s -> s.ordinal).containsExactly(19);
    }
}
