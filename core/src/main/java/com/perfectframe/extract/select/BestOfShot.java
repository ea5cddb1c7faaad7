package com.perfectframe.extract.select;

import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.Similarity;
import java.util.ArrayList;
import java.util.List;

/**
 * One picture per shot ({@code --per_shot}): the best-scoring sample of each shot that passes the quality gate
 * against the best of its shot ({@link QualityRules#compare(PictureMeasures, QualityRules.Best)}), instead of one
 * per group of samples. A still shot gives one picture however long it lasts. A shot whose content keeps changing
 * (a long pan, a walk through a room) gives a new picture each time its content has drifted from the first sample
 * of the current stretch by more than {@code drift} (mean thumbnail difference, {@link
 * Similarity#thumbnailDistance}): each stretch then competes like a shot.
 *
 * <p>Samples must carry their shot ({@link ShotLabels} comes first) and come in order. Transition, flash and flat
 * samples never win; when every other sample of a stretch fails the gate, its best-scoring one is kept anyway
 * ({@link Verdict#KEPT_ANYWAY}), as with groups.
 *
 * <p>Memory: it holds the samples that may still win, not the whole shot. One that fails the gate now fails for good
 * (the stretch's best measures only get better), so only the best-scoring of those is held, in case all fail; one
 * that passes is let go as soon as a higher-scoring one is at least as sharp and as well exposed. When more than
 * {@code maxHeld} could still win, the lowest-scoring goes.
 *
 * @param <C> the samples
 */
public final class BestOfShot<C extends Scored> implements FrameSelection<C> {

    private final QualityRules rules;
    private final boolean gated;
    private final double drift;
    private final int maxHeld;
    private final SelectionLog log;
    private final FrameSelection<C> next;
    /** Samples that pass the gate so far, best-scoring first. */
    private final List<C> candidates = new ArrayList<>();

    private QualityRules.Best best = QualityRules.Best.NONE;
    private C fallback;
    private Verdict fallbackVerdict;
    private int shot = -1;
    private PictureMeasures stretchStart;

    /**
     * @param gated whether the quality gate judges the samples (otherwise the best score of each stretch wins)
     * @param drift thumbnail distance from the stretch's first sample that starts a new stretch of a shot, within
     *     {@code ExtractionRequest.Curation.SHOT_DRIFT} (checked there)
     * @param maxHeld most samples held that may still win
     */
    public BestOfShot(
            QualityRules rules, boolean gated, double drift, int maxHeld, SelectionLog log, FrameSelection<C> next) {
        this.rules = rules;
        this.gated = gated;
        this.drift = drift;
        this.maxHeld = Math.max(1, maxHeld);
        this.log = log;
        this.next = next;
    }

    /** Frames this rule may hold at once: the candidates and the fallback. */
    public static int framesHeld(int maxHeld) {
        return Math.max(1, maxHeld) + 1;
    }

    @Override
    public void offer(C sample) throws InterruptedException {
        if (sample.shot() == null || sample.measures() == null) {
            sample.close();
            throw new IllegalStateException("one picture per shot needs the shot of sample " + sample.ordinal());
        }
        Verdict spoilt = gated ? rules.spoilt(sample) : null;
        boolean drifted = spoilt == null
                && stretchStart != null
                && Similarity.thumbnailDistance(stretchStart, sample.measures()) > drift;
        if (sample.shot().shot() != shot || drifted) {
            close();
            shot = sample.shot().shot();
        }
        if (spoilt != null) {
            log.verdict(sample, spoilt);
            sample.close();
            return;
        }
        if (stretchStart == null) {
            stretchStart = sample.measures();
        }
        best = best.with(sample.measures());
        candidates.add(sample);
        prune();
    }

    /** Lets go of what can no longer win, keeping the best-scoring failure in case everything fails. */
    private void prune() {
        List<C> passing = new ArrayList<>();
        for (C sample : candidates) {
            Verdict verdict = gated ? rules.compare(sample.measures(), best) : null;
            if (verdict == null) {
                passing.add(sample);
            } else {
                keepAsFallback(sample, verdict);
            }
        }
        passing.sort((a, b) -> a.beats(b) ? -1 : b.beats(a) ? 1 : 0);
        candidates.clear();
        for (C sample : passing) {
            boolean dominated = candidates.stream().anyMatch(better -> atLeastAsGood(better, sample));
            if (dominated || candidates.size() >= maxHeld) {
                log.verdict(sample, Verdict.LOST);
                sample.close();
            } else {
                candidates.add(sample);
            }
        }
    }

    private static boolean atLeastAsGood(Scored better, Scored sample) {
        PictureMeasures b = better.measures();
        PictureMeasures s = sample.measures();
        return b.sharpness() >= s.sharpness() && b.darkShare() <= s.darkShare() && b.brightShare() <= s.brightShare();
    }

    private void keepAsFallback(C sample, Verdict verdict) {
        if (fallback == null || sample.beats(fallback)) {
            if (fallback != null) {
                log.verdict(fallback, fallbackVerdict);
                fallback.close();
            }
            fallback = sample;
            fallbackVerdict = verdict;
        } else {
            log.verdict(sample, verdict);
            sample.close();
        }
    }

    /** Ends the current stretch: its best passes on. */
    private void close() throws InterruptedException {
        prune();
        C winner = candidates.isEmpty() ? fallback : candidates.get(0);
        if (fallback != null && fallback != winner) {
            log.verdict(fallback, fallbackVerdict);
            fallback.close();
        }
        for (C other : candidates) {
            if (other != winner) {
                log.verdict(other, Verdict.LOST);
                other.close();
            }
        }
        boolean anyway = winner != null && winner == fallback;
        candidates.clear();
        fallback = null;
        fallbackVerdict = null;
        stretchStart = null;
        best = QualityRules.Best.NONE;
        if (winner != null) {
            if (anyway) {
                log.verdict(winner, Verdict.KEPT_ANYWAY);
            }
            next.offer(winner);
        }
    }

    @Override
    public void withdraw(int ordinal) {
        next.withdraw(ordinal);
    }

    @Override
    public void finish() throws InterruptedException {
        close();
        next.finish();
    }

    @Override
    public void discard() {
        candidates.forEach(Scored::close);
        candidates.clear();
        if (fallback != null) {
            fallback.close();
            fallback = null;
        }
        next.discard();
    }
}
