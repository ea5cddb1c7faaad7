package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GroupSelectionTests {

    /** A candidate that records whether it was released. */
    static final class Item implements AutoCloseable {
        final long ordinal;
        boolean closed;

        Item(long ordinal) {
            this.ordinal = ordinal;
        }

        @Override
        public void close() {
            closed = true;
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
    void keepsTheBestOfEachGroupAndReleasesTheRestAtOnce() {
        List<GroupWinners.Winner<Item>> winners = new ArrayList<>();
        GroupWinners<Item> groups = new GroupWinners<>(new GroupPlan(100, 3), 6, winners::add);
        float[] scores = {2, 5, 3, 9, 1, 9};
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Item item = new Item(i);
            items.add(item);
            groups.offer(i, scores[i], item);
            assertThat(groups.openGroups()).isLessThanOrEqualTo(1);
        }
        assertThat(winners).extracting(w -> w.ordinal()).containsExactly(1L, 3L);
        // Losers were released; winners are left to the writer.
        assertThat(items).extracting(i -> i.closed).containsExactly(true, false, true, false, true, true);
    }

    @Test
    void tiesGoToTheEarlierSampleWhateverTheArrivalOrder() {
        List<GroupWinners.Winner<Item>> winners = new ArrayList<>();
        GroupWinners<Item> groups = new GroupWinners<>(new GroupPlan(100, 3), 3, winners::add);
        groups.offer(2, 7f, new Item(2));
        groups.offer(0, 7f, new Item(0));
        groups.offer(1, 3f, new Item(1));
        assertThat(winners).singleElement().extracting(w -> w.ordinal()).isEqualTo(0L);
    }

    @Test
    void finishEmitsGroupsLeftOpenByMissingSamples() {
        List<GroupWinners.Winner<Item>> winners = new ArrayList<>();
        GroupWinners<Item> groups = new GroupWinners<>(new GroupPlan(100, 5), 10, winners::add);
        groups.offer(0, 1f, new Item(0));
        groups.offer(6, 2f, new Item(6));
        assertThat(winners).isEmpty();
        groups.finish();
        assertThat(winners).extracting(w -> w.ordinal()).containsExactly(0L, 6L);
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        float[] scores = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Percentile.of(scores, 90)).isEqualTo(9.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Percentile.of(scores, 0)).isEqualTo(1.0);
        assertThat(Percentile.of(scores, 100)).isEqualTo(10.0);
        assertThat(Percentile.of(new float[] {4, 4, 4}, 90)).isEqualTo(4.0);
    }

    @Test
    void aFrameBudgetAlwaysLeavesRoomForTwoFrames() throws Exception {
        FrameBudget tiny = new FrameBudget(1);
        int first = tiny.acquire(50L << 20);
        int second = tiny.acquire(50L << 20);
        assertThat(tiny.available()).isZero();
        tiny.release(first);
        tiny.release(second);
        FrameBudget budget = new FrameBudget(64L << 20);
        assertThat(budget.acquire(12L << 20)).isEqualTo(12);
        assertThat(budget.acquire(500L << 20)).isEqualTo(32);
    }
}
