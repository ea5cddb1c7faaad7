package com.perfectframe.extract.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The N best frames of a video, spread over it (the thumbnail use): of the frames the earlier rules keep, the N
 * highest-scored ones at least a minimum time apart, passed on in time order. By default the gap is 1/(2N) of the
 * video's length.
 *
 * <p>It holds at most {@link #framesHeld(int) 2N + 2} frames (N is at most 100): the best-scored so far, enough for the gap to skip some;
 * the rest are closed as soon as they fall out. Memory therefore grows with N (about 3 MB a frame at 1080p, 12 MB at
 * 4K): fine for a few thumbnails, to be chosen with care for hundreds.
 *
 * @param <C> the samples
 */
public final class BestPerVideo<C extends Scored> implements FrameSelection<C> {

    private static final Comparator<Scored> BY_SCORE = Comparator.comparingDouble(Scored::score)
            .thenComparing(Comparator.comparingInt(Scored::ordinal).reversed());

    private final int count;
    private final double minGapSeconds;
    private final SelectionLog log;
    private final FrameSelection<C> next;
    private final PriorityQueue<C> best = new PriorityQueue<>(BY_SCORE);

    /**
     * @param count N, the frames kept per video
     * @param minGapSeconds least time between two kept frames
     */
    public BestPerVideo(int count, double minGapSeconds, SelectionLog log, FrameSelection<C> next) {
        if (count < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + count);
        }
        this.count = count;
        this.minGapSeconds = Math.max(0, minGapSeconds);
        this.log = log;
        this.next = next;
    }

    /** Frames held at most for one video. */
    public static int framesHeld(int count) {
        return 2 * count + 2;
    }

    /** The default gap: 1/(2N) of the video's length. */
    public static double defaultGap(int count, double videoSeconds) {
        return videoSeconds > 0 ? videoSeconds / (2.0 * count) : 0;
    }

    @Override
    public void offer(C sample) {
        best.add(sample);
        if (best.size() > framesHeld(count)) {
            C dropped = best.poll();
            log.verdict(dropped, Verdict.NOT_TOP);
            dropped.close();
        }
    }

    @Override
    public void finish() throws InterruptedException {
        List<C> byScore = new ArrayList<>(best);
        best.clear();
        byScore.sort(BY_SCORE.reversed());
        List<C> kept = new ArrayList<>();
        for (C sample : byScore) {
            if (kept.size() < count && farFromAll(sample, kept)) {
                kept.add(sample);
            } else {
                log.verdict(sample, kept.size() < count ? Verdict.TOO_CLOSE : Verdict.NOT_TOP);
                sample.close();
            }
        }
        kept.sort(Comparator.comparingInt(Scored::ordinal));
        for (int i = 0; i < kept.size(); i++) {
            try {
                next.offer(kept.get(i));
            } catch (InterruptedException | RuntimeException e) {
                kept.subList(i + 1, kept.size()).forEach(Scored::close);
                throw e;
            }
        }
        next.finish();
    }

    private boolean farFromAll(C sample, List<C> kept) {
        for (C other : kept) {
            if (Math.abs(other.seconds() - sample.seconds()) < minGapSeconds) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void discard() {
        best.forEach(Scored::close);
        best.clear();
        next.discard();
    }
}
