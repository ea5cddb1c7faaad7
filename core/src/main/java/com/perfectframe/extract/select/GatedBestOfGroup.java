package com.perfectframe.extract.select;

import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.Transitions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The best-scoring sample of each group that a person would keep: the quality gate. NIMA was trained on photographs
 * and does not reliably see what spoils a video frame, so before the best score is taken, samples are rejected that
 * are flat (black, white, one colour), part of a transition or a flash (as {@link ShotLabels} marked them; without
 * marks, a sample that is a mix of the samples before and after it), or clearly worse on sharpness or exposure than
 * the best of the other samples of their group that belong to their shot ({@link QualityRules#compare}). Measured
 * against the best, a sharp sample wins among blurred ones whatever their number, while a dark night scene or a soft
 * shot keeps its best when the whole group is like that.
 *
 * <p>A group whose samples all fail keeps its best-scoring sample anyway ({@link Verdict#KEPT_ANYWAY}), unless every
 * sample is flat, transition or flash: nothing is lost silently.
 *
 * <p>Unlike {@link BestOfGroup} it holds every sample of an open group that is not flat (a flat one is let go at
 * once), and decides when the group is complete and the sample before it has been seen; without shot marks the
 * transition test of its last sample needs the sample after it too, which is waited for only when that last sample
 * would win. With the
 * default group of 5, at most 6 frames per video are held, usually 5. Samples may come in any order of ordinals.
 *
 * @param <C> the samples
 */
public final class GatedBestOfGroup<C extends Scored> implements FrameSelection<C> {

    private final GroupPlan plan;
    private final long plannedSamples;
    private final QualityRules rules;
    private final SelectionLog log;
    private final FrameSelection<C> next;
    private final Map<Long, List<C>> open = new TreeMap<>();
    private final Map<Integer, PictureMeasures> measures = new TreeMap<>();
    private final BitSet seen = new BitSet();

    /**
     * @param plannedSamples samples the video will give, or 0 if unknown (the last group then closes at finish)
     * @param next the rule that receives each group's winner
     */
    public GatedBestOfGroup(
            GroupPlan plan, long plannedSamples, QualityRules rules, SelectionLog log, FrameSelection<C> next) {
        this.plan = plan;
        this.plannedSamples = plannedSamples > 0 ? plannedSamples : Long.MAX_VALUE;
        this.rules = rules;
        this.log = log;
        this.next = next;
    }

    /** Frames this rule may hold at once for one video: a group and the sample after it. */
    public static int framesHeld(GroupPlan plan) {
        return plan.groupSize() + 1;
    }

    @Override
    public void offer(C sample) throws InterruptedException {
        if (sample.measures() == null) {
            sample.close();
            throw new IllegalStateException("the quality gate needs the measures of sample " + sample.ordinal());
        }
        List<C> group = open.computeIfAbsent(plan.groupOf(sample.ordinal()), g -> new ArrayList<>());
        measures.put(sample.ordinal(), sample.measures());
        seen.set(sample.ordinal());
        if (flat(sample.measures())) {
            // A flat sample never wins, not even when its whole group fails: it is let go at once.
            log.verdict(sample, Verdict.FLAT);
            sample.close();
        } else {
            group.add(sample);
        }
        decideReady();
    }

    @Override
    public void skipped(int ordinal) throws InterruptedException {
        open.computeIfAbsent(plan.groupOf(ordinal), g -> new ArrayList<>());
        seen.set(ordinal);
        decideReady();
    }

    /**
     * Decides every open group whose samples and previous neighbour have been seen. Without the next neighbour the
     * group's last sample cannot be tested for a transition; the group is decided anyway when that sample does not
     * win even if it passes (the usual case), so that the group's frames are let go without waiting for the next one.
     */
    private void decideReady() throws InterruptedException {
        for (long group : new ArrayList<>(open.keySet())) {
            long first = plan.firstOf(group);
            int size = plan.sizeOf(group, plannedSamples);
            long last = first + size - 1;
            boolean complete = seen.nextClearBit((int) first) > last;
            boolean before = first == 0 || seen.get((int) first - 1);
            boolean after = last + 1 >= plannedSamples || seen.get((int) last + 1);
            if (complete && before) {
                decide(group, after);
            }
        }
    }

    private void decide(long group, boolean final_) throws InterruptedException {
        List<C> samples = open.get(group);
        if (samples.isEmpty()) {
            open.remove(group);
        } else if (!choose(group, samples, final_)) {
            return; // choose removes the group itself once it hands its samples on
        }
        // Keep the measures the next groups' transition tests may still need: those of open groups' neighbours.
        long keepFrom = open.isEmpty()
                ? plan.firstOf(group + 1) - 1
                : plan.firstOf(open.keySet().iterator().next()) - 1;
        measures.keySet().removeIf(ordinal -> ordinal < keepFrom);
    }

    /**
     * Picks the group's winner and lets the others go; returns false, touching nothing, when it is not final and
     * the winner would be the sample whose next neighbour has not been seen yet.
     */
    private boolean choose(long group, List<C> samples, boolean final_) throws InterruptedException {
        List<Verdict> verdicts = new ArrayList<>();
        for (C sample : samples) {
            verdicts.add(spoilt(sample));
        }
        List<Verdict> spoilt = List.copyOf(
                verdicts.stream().map(v -> v == null ? Verdict.KEPT : v).toList());
        for (int i = 0; i < samples.size(); i++) {
            if (verdicts.get(i) == null) {
                verdicts.set(i, rules.compare(samples.get(i), peers(samples, spoilt, samples.get(i))));
            }
        }
        C winner = null;
        for (int i = 0; i < samples.size(); i++) {
            if (verdicts.get(i) == null && (winner == null || samples.get(i).beats(winner))) {
                winner = samples.get(i);
            }
        }
        Verdict winnerVerdict = Verdict.KEPT;
        if (winner == null) {
            for (int i = 0; i < samples.size(); i++) {
                C sample = samples.get(i);
                if (QualityRules.mayBeKeptAnyway(verdicts.get(i)) && (winner == null || sample.beats(winner))) {
                    winner = sample;
                }
            }
            winnerVerdict = Verdict.KEPT_ANYWAY;
        }
        if (!final_ && winner != null && winner.shot() == null && !measures.containsKey(winner.ordinal() + 1)) {
            return false;
        }
        // From here on the samples are passed on or closed: the group no longer owns them.
        open.remove(group);
        for (int i = 0; i < samples.size(); i++) {
            C sample = samples.get(i);
            if (sample != winner) {
                log.verdict(sample, verdicts.get(i) != null ? verdicts.get(i) : Verdict.LOST);
                sample.close();
            }
        }
        if (winner != null) {
            if (winnerVerdict == Verdict.KEPT_ANYWAY) {
                log.verdict(winner, Verdict.KEPT_ANYWAY);
            }
            next.offer(winner);
        }
        return true;
    }

    /**
     * The samples of the group a sample is measured against: those of its shot that are not spoilt outright ({@code
     * spoilt} holds {@link Verdict#KEPT} for those).
     */
    private List<C> peers(List<C> samples, List<Verdict> spoilt, C sample) {
        List<C> peers = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            C other = samples.get(i);
            if (spoilt.get(i) == Verdict.KEPT && QualityRules.sameShot(other, sample)) {
                peers.add(other);
            }
        }
        return peers;
    }

    /**
     * Whether the sample is spoilt whatever its group: flat, or part of a transition or a flash. Without shot marks,
     * the transition test is the sample's fit as a mix of its neighbours.
     */
    private Verdict spoilt(C sample) {
        Verdict verdict = rules.spoilt(sample);
        if (verdict != null || sample.shot() != null) {
            return verdict;
        }
        PictureMeasures before = measures.get(sample.ordinal() - 1);
        PictureMeasures after = measures.get(sample.ordinal() + 1);
        if (before != null
                && after != null
                && Transitions.fit(before, sample.measures(), after).looksLikeMix()) {
            return Verdict.TRANSITION;
        }
        return null;
    }

    private boolean flat(PictureMeasures m) {
        return m.lumaSpread() < rules.flatSpread();
    }

    @Override
    public void finish() throws InterruptedException {
        for (long group : new ArrayList<>(open.keySet())) {
            decide(group, true);
        }
        next.finish();
    }

    @Override
    public void discard() {
        open.values().forEach(samples -> samples.forEach(Scored::close));
        open.clear();
        measures.clear();
        next.discard();
    }
}
