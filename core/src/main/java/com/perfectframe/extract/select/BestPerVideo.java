package com.perfectframe.extract.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The N best frames of a video, spread over it and over its shots (the thumbnail use): of the frames the earlier
 * rules keep, the best frame of each of the N best shots (shots ranked by their best frame) when the video has at
 * least N shots, and only then more frames of the same shots, best-scored first; always at least a minimum time
 * apart; passed on in time order. By default the gap is 1/(2N) of the video's length. Without shot marks every frame
 * counts as a shot of its own: the N best-scored frames, apart.
 *
 * <p>It holds at most {@link #framesHeld(int) 2N + 2} frames (N is at most 100): the best of each of the N best
 * shots so far and the N + 2 best others, enough for the gap to skip some; the rest are closed as soon as they fall
 * out. Memory therefore grows with N (about 3 MB a frame at 1080p, 12 MB at
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
    /** The best-scoring frame of each of the N best shots so far (by their best frame). */
    private final Map<Integer, C> shotBest = new HashMap<>();
    /** The best-scoring other frames, at most N + 2: more from the same shots, should there be fewer than N. */
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
        int shot = shotOf(sample);
        C current = shotBest.get(shot);
        if (current != null && BY_SCORE.compare(sample, current) <= 0) {
            holdAmongOthers(sample);
            return;
        }
        shotBest.put(shot, sample);
        if (current != null) {
            holdAmongOthers(current);
        }
        if (shotBest.size() > count) {
            C weakest = shotBest.values().stream().min(BY_SCORE).orElseThrow();
            shotBest.remove(shotOf(weakest));
            holdAmongOthers(weakest);
        }
    }

    private void holdAmongOthers(C sample) {
        best.add(sample);
        if (best.size() > count + 2) {
            C dropped = best.poll();
            log.verdict(dropped, Verdict.NOT_TOP);
            dropped.close();
        }
    }

    @Override
    public void withdraw(int ordinal) {
        C held = null;
        for (C sample : held()) {
            if (sample.ordinal() == ordinal) {
                held = sample;
            }
        }
        if (held != null) {
            best.remove(held);
            shotBest.values().remove(held);
            log.verdict(held, Verdict.DUPLICATE);
            held.close();
        } else {
            next.withdraw(ordinal);
        }
    }

    @Override
    public void finish() throws InterruptedException {
        List<C> byScore = held();
        best.clear();
        shotBest.clear();
        byScore.sort(BY_SCORE.reversed());
        List<C> kept = new ArrayList<>();
        // First the best frame of each shot, best shots first; then more of the same shots while N are not reached.
        Set<Integer> shots = new HashSet<>();
        for (C sample : byScore) {
            if (kept.size() < count && farFromAll(sample, kept) && shots.add(shotOf(sample))) {
                kept.add(sample);
            }
        }
        for (C sample : byScore) {
            if (kept.contains(sample)) {
                continue;
            }
            if (kept.size() < count && farFromAll(sample, kept)) {
                kept.add(sample);
            } else {
                log.verdict(sample, farFromAll(sample, kept) ? Verdict.NOT_TOP : Verdict.TOO_CLOSE);
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

    /** The sample's shot; without shot marks every sample is a shot of its own, which changes nothing. */
    private static int shotOf(Scored sample) {
        return sample.shot() != null ? sample.shot().shot() : -1 - sample.ordinal();
    }

    private boolean farFromAll(C sample, List<C> kept) {
        for (C other : kept) {
            if (Math.abs(other.seconds() - sample.seconds()) < minGapSeconds) {
                return false;
            }
        }
        return true;
    }

    private List<C> held() {
        List<C> all = new ArrayList<>(shotBest.values());
        all.addAll(best);
        return all;
    }

    @Override
    public void discard() {
        held().forEach(Scored::close);
        best.clear();
        shotBest.clear();
        next.discard();
    }
}
