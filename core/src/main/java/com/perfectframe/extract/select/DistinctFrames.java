package com.perfectframe.extract.select;

import com.perfectframe.quality.Similarity;

/**
 * Near-duplicate suppression: consecutive kept frames that look alike (perceptual hash and thumbnail, see {@link
 * Similarity#nearDuplicates}) collapse into the better-scored one, so a static scene gives one picture instead of
 * one every few seconds. Frames are compared with the last frame this rule holds, across group and batch
 * boundaries; it holds one frame at a time.
 *
 * <p>Frames must come in time order, as group rules pass them on.
 *
 * @param <C> the samples
 */
public final class DistinctFrames<C extends Scored> implements FrameSelection<C> {

    private final int maxHashBits;
    private final SelectionLog log;
    private final FrameSelection<C> next;
    private C held;

    public DistinctFrames(int maxHashBits, SelectionLog log, FrameSelection<C> next) {
        this.maxHashBits = maxHashBits;
        this.log = log;
        this.next = next;
    }

    @Override
    public void offer(C sample) throws InterruptedException {
        if (sample.measures() == null) {
            sample.close();
            throw new IllegalStateException(
                    "near-duplicate suppression needs the measures of sample " + sample.ordinal());
        }
        if (held == null) {
            held = sample;
            return;
        }
        if (Similarity.nearDuplicates(held.measures(), sample.measures(), maxHashBits)) {
            C better = sample.score() > held.score() ? sample : held;
            C worse = better == sample ? held : sample;
            log.verdict(worse, Verdict.DUPLICATE);
            worse.close();
            held = better;
            return;
        }
        C kept = held;
        held = sample;
        next.offer(kept);
    }

    @Override
    public void finish() throws InterruptedException {
        if (held != null) {
            C kept = held;
            held = null;
            next.offer(kept);
        }
        next.finish();
    }

    @Override
    public void discard() {
        if (held != null) {
            held.close();
            held = null;
        }
        next.discard();
    }
}
