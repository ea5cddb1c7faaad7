package com.perfectframe.extract.select;

import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.ShotRules;
import com.perfectframe.quality.ShotSegmenter;
import com.perfectframe.quality.ShotSegmenter.ShotMark;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The first link of a video's chain when shots matter: marks every sample with its shot and role ({@link
 * ShotSegmenter}) before the next rules see it. The segmenter decides a sample once the next one has come, so this
 * link holds one sample (its frame included) until then; samples that arrive out of order (several preparing
 * threads) wait here for the ones before them, which is at most a few.
 *
 * @param <C> the samples
 */
public final class ShotLabels<C extends Scored> implements FrameSelection<C> {

    private final ShotSegmenter segmenter;
    private final FrameSelection<C> next;
    /** Samples that came before an earlier ordinal (several preparing threads). */
    private final Map<Integer, C> early = new TreeMap<>();

    /** Skipped ordinals reported before an earlier ordinal came. */
    private final Set<Integer> earlySkips = new TreeSet<>();
    /** Samples given to the segmenter and waiting for their mark, in ordinal order. */
    private final Deque<C> waiting = new ArrayDeque<>();

    private int expected;

    public ShotLabels(ShotRules rules, FrameSelection<C> next) {
        this.segmenter = new ShotSegmenter(rules);
        this.next = next;
    }

    /** Frames this link may hold at once: the one waiting for its mark, and a few that overtook a slower one. */
    public static int framesHeld(int prepareThreads) {
        return 1 + Math.max(0, prepareThreads - 1);
    }

    @Override
    public void offer(C sample) throws InterruptedException {
        PictureMeasures measures = sample.measures();
        if (measures == null) {
            sample.close();
            throw new IllegalStateException("shot segmentation needs the measures of sample " + sample.ordinal());
        }
        early.put(sample.ordinal(), sample);
        drain();
    }

    @Override
    public void skipped(int ordinal) throws InterruptedException {
        earlySkips.add(ordinal);
        drain();
    }

    private void drain() throws InterruptedException {
        while (true) {
            C sample = early.remove(expected);
            if (sample != null) {
                waiting.add(sample);
                pass(segmenter.add(expected, sample.measures()));
            } else if (earlySkips.remove(expected)) {
                pass(segmenter.skip(expected));
                next.skipped(expected);
            } else {
                return;
            }
            expected++;
        }
    }

    private void pass(List<ShotMark> marks) throws InterruptedException {
        for (ShotMark mark : marks) {
            C sample = waiting.poll();
            if (sample == null || sample.ordinal() != mark.ordinal()) {
                throw new IllegalStateException("shot mark for sample " + mark.ordinal() + " out of order");
            }
            sample.shot(mark);
            next.offer(sample);
        }
    }

    @Override
    public void withdraw(int ordinal) {
        next.withdraw(ordinal);
    }

    @Override
    public void finish() throws InterruptedException {
        // Samples after a gap nobody reported (the video ended short of its plan) are decided after a break.
        while (!early.isEmpty()) {
            pass(segmenter.skip(expected));
            expected = early.keySet().iterator().next();
            drain();
        }
        pass(segmenter.finish());
        next.finish();
    }

    @Override
    public void discard() {
        early.values().forEach(Scored::close);
        early.clear();
        waiting.forEach(Scored::close);
        waiting.clear();
        next.discard();
    }
}
