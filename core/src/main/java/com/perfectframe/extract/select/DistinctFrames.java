package com.perfectframe.extract.select;

import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.Similarity;
import java.util.ArrayList;
import java.util.List;

/**
 * Near-duplicate suppression over the whole video: a frame that looks like any frame kept earlier from the same
 * video (perceptual hash and thumbnail, see {@link Similarity#nearDuplicates}) collapses with it into the
 * better-scored one, so a static scene gives one picture instead of one every few seconds, and a subject that comes
 * back after a cutaway (A, B, A) is not kept twice.
 *
 * <p>Frames pass on at once; what is remembered of each kept frame is its measures (about 3 KB), never its picture.
 * When a later frame duplicates an earlier one that scored lower, the earlier one is {@linkplain #withdraw
 * withdrawn}: the rules after this one drop it if they still hold it, otherwise its picture, already written into
 * the video's staging folder, is left out when the video's outputs are committed (nothing reaches the output folder
 * before the video is done).
 *
 * @param <C> the samples
 */
public final class DistinctFrames<C extends Scored> implements FrameSelection<C> {

    private record Kept(int ordinal, float score, PictureMeasures measures) {}

    private final int maxHashBits;
    private final SelectionLog log;
    private final FrameSelection<C> next;
    private final List<Kept> kept = new ArrayList<>();

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
        for (int i = 0; i < kept.size(); i++) {
            Kept earlier = kept.get(i);
            if (Similarity.nearDuplicates(earlier.measures(), sample.measures(), maxHashBits)) {
                if (sample.score() > earlier.score()) {
                    kept.set(i, new Kept(sample.ordinal(), sample.score(), sample.measures()));
                    next.withdraw(earlier.ordinal());
                    next.offer(sample);
                } else {
                    log.verdict(sample, Verdict.DUPLICATE);
                    sample.close();
                }
                return;
            }
        }
        kept.add(new Kept(sample.ordinal(), sample.score(), sample.measures()));
        next.offer(sample);
    }

    @Override
    public void withdraw(int ordinal) {
        kept.removeIf(k -> k.ordinal() == ordinal);
        next.withdraw(ordinal);
    }

    @Override
    public void finish() throws InterruptedException {
        kept.clear();
        next.finish();
    }

    @Override
    public void discard() {
        kept.clear();
        next.discard();
    }
}
