package com.perfectframe.extract.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.ShotSegmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BestOfGroupTests {

    /** A scored sample that records whether it was released. */
    static final class Sample implements Scored {
        final int ordinal;
        final float score;
        final PictureMeasures measures;
        boolean closed;
        ShotSegmenter.ShotMark shot;

        Sample(int ordinal, float score) {
            this(ordinal, score, null);
        }

        Sample(int ordinal, float score, PictureMeasures measures) {
            this.ordinal = ordinal;
            this.score = score;
            this.measures = measures;
        }

        @Override
        public double seconds() {
            return ordinal;
        }

        @Override
        public PictureMeasures measures() {
            return measures;
        }

        @Override
        public int ordinal() {
            return ordinal;
        }

        @Override
        public float score() {
            return score;
        }

        /** This sample, marked as a plain sample of the given shot. */
        Sample inShot(int number) {
            return marked(number, ShotSegmenter.Role.SHOT);
        }

        Sample marked(int number, ShotSegmenter.Role role) {
            shot = new ShotSegmenter.ShotMark(ordinal, number, role);
            return this;
        }

        @Override
        public ShotSegmenter.ShotMark shot() {
            return shot;
        }

        @Override
        public void shot(ShotSegmenter.ShotMark mark) {
            shot = mark;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The end of a chain: records what is kept, and whether it was finished or discarded. */
    static final class Kept implements FrameSelection<Sample> {
        final List<Sample> samples = new ArrayList<>();
        final List<Integer> withdrawn = new ArrayList<>();
        boolean finished;
        boolean discarded;

        @Override
        public void offer(Sample sample) {
            samples.add(sample);
        }

        /** A written picture taken back: it leaves the kept list, as it leaves the video's commit. */
        @Override
        public void withdraw(int ordinal) {
            withdrawn.add(ordinal);
            samples.removeIf(s -> s.ordinal == ordinal);
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void discard() {
            discarded = true;
        }

        List<Integer> ordinals() {
            return samples.stream().map(s -> s.ordinal).toList();
        }
    }

    @Test
    void groupsRestartAtEveryBatch() {
        GroupPlan plan = new GroupPlan(7, 5);
        assertThat(LongStream.range(0, 16).map(plan::groupOf).toArray())
                .containsExactly(0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4, 4);
        assertThat(plan.sizeOf(1, 16)).isEqualTo(2);
        assertThat(plan.sizeOf(4, 16)).isEqualTo(2);
        assertThat(plan.firstOf(3)).isEqualTo(12);
    }

    @Test
    void defaultGroupsAreConsecutiveFives() {
        GroupPlan plan = new GroupPlan(100, 5);
        assertThat(plan.groupOf(0)).isZero();
        assertThat(plan.groupOf(4)).isZero();
        assertThat(plan.groupOf(5)).isEqualTo(1);
        assertThat(plan.groupOf(104)).isEqualTo(20);
        assertThat(plan.sizeOf(2, 12)).isEqualTo(2);
    }

    @Test
    void keepsTheBestOfEachGroupAndReleasesTheRestAtOnce() throws Exception {
        Kept kept = new Kept();
        BestOfGroup<Sample> groups = new BestOfGroup<>(new GroupPlan(100, 3), 6, kept);
        float[] scores = {2, 5, 3, 9, 1, 9};
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Sample sample = new Sample(i, scores[i]);
            samples.add(sample);
            groups.offer(sample);
            assertThat(groups.openGroups()).isLessThanOrEqualTo(1);
        }
        assertThat(kept.ordinals()).containsExactly(1, 3);
        // Losers were released; winners are left to the next rule.
        assertThat(samples).extracting(s -> s.closed).containsExactly(true, false, true, false, true, true);
    }

    @Test
    void tiesGoToTheEarlierSampleWhateverTheArrivalOrder() throws Exception {
        Kept kept = new Kept();
        BestOfGroup<Sample> groups = new BestOfGroup<>(new GroupPlan(100, 3), 3, kept);
        groups.offer(new Sample(2, 7f));
        groups.offer(new Sample(0, 7f));
        groups.offer(new Sample(1, 3f));
        assertThat(kept.ordinals()).containsExactly(0);
    }

    @Test
    void skippedSamplesCloseTheirGroupWithoutWaitingForTheEnd() throws Exception {
        Kept kept = new Kept();
        BestOfGroup<Sample> groups = new BestOfGroup<>(new GroupPlan(100, 5), 10, kept);
        groups.offer(new Sample(0, 1f));
        groups.skipped(1);
        groups.offer(new Sample(3, 4f));
        groups.skipped(2);
        assertThat(kept.ordinals()).isEmpty();
        groups.skipped(4);
        assertThat(kept.ordinals()).containsExactly(3);
        assertThat(groups.openGroups()).isZero();
        // A group whose every sample was skipped keeps nothing.
        for (int i = 5; i < 10; i++) {
            groups.skipped(i);
        }
        assertThat(kept.ordinals()).containsExactly(3);
        assertThat(groups.openGroups()).isZero();
    }

    @Test
    void finishPassesOnGroupsLeftOpenByMissingSamplesThenFinishesTheNextRule() throws Exception {
        Kept kept = new Kept();
        BestOfGroup<Sample> groups = new BestOfGroup<>(new GroupPlan(100, 5), 10, kept);
        groups.offer(new Sample(6, 2f));
        groups.offer(new Sample(0, 1f));
        assertThat(kept.ordinals()).isEmpty();
        groups.finish();
        assertThat(kept.ordinals()).containsExactly(0, 6);
        assertThat(kept.finished).isTrue();
    }

    @Test
    void anUnknownLengthClosesEveryGroupButTheLastAsItCompletes() throws Exception {
        Kept kept = new Kept();
        BestOfGroup<Sample> groups = new BestOfGroup<>(new GroupPlan(100, 2), 0, kept);
        for (int i = 0; i < 5; i++) {
            groups.offer(new Sample(i, i));
        }
        assertThat(kept.ordinals()).containsExactly(1, 3);
        groups.finish();
        assertThat(kept.ordinals()).containsExactly(1, 3, 4);
    }

    @Test
    void discardReleasesEveryHeldSampleAndDiscardsTheNextRule() throws Exception {
        Kept kept = new Kept();
        BestOfGroup<Sample> groups = new BestOfGroup<>(new GroupPlan(100, 5), 10, kept);
        Sample a = new Sample(0, 3f);
        Sample b = new Sample(5, 1f);
        groups.offer(a);
        groups.offer(b);
        groups.discard();
        assertThat(a.closed).isTrue();
        assertThat(b.closed).isTrue();
        assertThat(groups.openGroups()).isZero();
        assertThat(kept.discarded).isTrue();
        assertThat(kept.samples).isEmpty();
    }
}
