package com.perfectframe.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps the best-scoring sample of each group as scores arrive, in any order, and releases every other sample at
 * once: only one full-resolution candidate per open group is ever held.
 *
 * <p>Ties go to the earlier sample, as the original's argmax does. Not thread-safe: one per video, fed by one thread.
 *
 * @param <T> the candidate, e.g. a decoded frame; closed when it loses
 */
final class GroupWinners<T extends AutoCloseable> {

    /** A group's winner. */
    record Winner<T>(long group, long ordinal, float score, T item) {}

    private static final class Open<T> {
        long ordinal;
        float score;
        T item;
        int seen;
    }

    private final GroupPlan plan;
    private final Consumer<Winner<T>> onWinner;
    private final Map<Long, Open<T>> open = new HashMap<>();
    private long expectedSamples;

    /**
     * @param expectedSamples samples the video will give (groups close when complete), or 0 if unknown (groups
     *                        then close only at {@link #finish()})
     */
    GroupWinners(GroupPlan plan, long expectedSamples, Consumer<Winner<T>> onWinner) {
        this.plan = plan;
        this.expectedSamples = expectedSamples;
        this.onWinner = onWinner;
    }

    void offer(long ordinal, float score, T item) {
        long group = plan.groupOf(ordinal);
        Open<T> current = open.computeIfAbsent(group, g -> new Open<>());
        current.seen++;
        if (current.item == null || score > current.score || (score == current.score && ordinal < current.ordinal)) {
            close(current.item);
            current.item = item;
            current.score = score;
            current.ordinal = ordinal;
        } else {
            close(item);
        }
        if (expectedSamples > 0 && current.seen >= plan.sizeOf(group, expectedSamples)) {
            open.remove(group);
            onWinner.accept(new Winner<>(group, current.ordinal, current.score, current.item));
        }
    }

    /** Emits the winners of groups still open (a video that gave fewer samples than planned), in group order. */
    void finish() {
        List<Long> groups = new ArrayList<>(open.keySet());
        groups.sort(null);
        for (long group : groups) {
            Open<T> current = open.remove(group);
            onWinner.accept(new Winner<>(group, current.ordinal, current.score, current.item));
        }
    }

    /** Releases every held candidate without emitting it (the video failed). */
    void discard() {
        open.values().forEach(o -> close(o.item));
        open.clear();
    }

    int openGroups() {
        return open.size();
    }

    private static void close(AutoCloseable item) {
        if (item == null) {
            return;
        }
        try {
            item.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release a frame", e);
        }
    }
}
