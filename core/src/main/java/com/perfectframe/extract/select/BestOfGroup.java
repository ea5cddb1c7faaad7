package com.perfectframe.extract.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The original tool's rule: the best-scoring sample of each group of consecutive samples (see {@link GroupPlan}).
 * Keeps one sample per open group and closes every other sample as soon as it loses, so only one full-resolution
 * frame per open group is held. Ties go to the earlier sample, as the original's argmax does.
 *
 * <p>A group closes when all its samples have been seen, scored or {@linkplain #skipped skipped}, in whatever
 * order they come; groups still open at {@link #finish()} (a video that gave fewer samples than planned) pass on
 * their best so far.
 *
 * @param <C> the samples
 */
public final class BestOfGroup<C extends Scored> implements FrameSelection<C> {

    private static final class Open<C> {
        C best;
        int seen;
    }

    private final GroupPlan plan;
    private final long plannedSamples;
    private final FrameSelection<C> next;
    private final SelectionLog log;
    private final Map<Long, Open<C>> open = new HashMap<>();

    /**
     * @param plannedSamples samples the video will give, or 0 if unknown (the last group then closes at finish)
     * @param next the rule that receives each group's winner
     */
    public BestOfGroup(GroupPlan plan, long plannedSamples, FrameSelection<C> next) {
        this(plan, plannedSamples, SelectionLog.NONE, next);
    }

    /** @param log hears about each sample that loses its group */
    public BestOfGroup(GroupPlan plan, long plannedSamples, SelectionLog log, FrameSelection<C> next) {
        this.plan = plan;
        this.plannedSamples = plannedSamples > 0 ? plannedSamples : Long.MAX_VALUE;
        this.log = log;
        this.next = next;
    }

    @Override
    public void offer(C sample) throws InterruptedException {
        long group = plan.groupOf(sample.ordinal());
        Open<C> current = open.computeIfAbsent(group, g -> new Open<>());
        if (current.best == null || sample.beats(current.best)) {
            if (current.best != null) {
                log.verdict(current.best, Verdict.LOST);
                current.best.close();
            }
            current.best = sample;
        } else {
            log.verdict(sample, Verdict.LOST);
            sample.close();
        }
        seen(group, current);
    }

    @Override
    public void skipped(int ordinal) throws InterruptedException {
        long group = plan.groupOf(ordinal);
        seen(group, open.computeIfAbsent(group, g -> new Open<>()));
    }

    private void seen(long group, Open<C> current) throws InterruptedException {
        current.seen++;
        if (current.seen >= plan.sizeOf(group, plannedSamples)) {
            open.remove(group);
            if (current.best != null) {
                next.offer(current.best);
            }
        }
    }

    /** Groups waiting for samples now. */
    public int openGroups() {
        return open.size();
    }

    @Override
    public void finish() throws InterruptedException {
        List<Long> groups = new ArrayList<>(open.keySet());
        groups.sort(null);
        for (long group : groups) {
            Open<C> current = open.remove(group);
            if (current.best != null) {
                next.offer(current.best);
            }
        }
        next.finish();
    }

    @Override
    public void discard() {
        open.values().forEach(o -> {
            if (o.best != null) {
                o.best.close();
            }
        });
        open.clear();
        next.discard();
    }
}
