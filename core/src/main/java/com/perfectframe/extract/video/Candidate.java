package com.perfectframe.extract.video;

import com.perfectframe.extract.select.Scored;
import com.perfectframe.extract.stage.FrameBudget;
import com.perfectframe.extract.stage.PreparedPicture;
import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.ShotSegmenter.ShotMark;
import com.perfectframe.video.VideoSample;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sample on its way from the decoder to the output folder: the decoded frame, its share of the frame budget, a
 * count on its video's run, and what the stages learnt about it (the model's input, the score). Closing it, once,
 * releases all three; whoever holds it last closes it.
 *
 * @param <S> the kind of sample
 */
public final class Candidate<S extends VideoSample> implements Scored, VideoItem {

    private final S sample;
    private final VideoRun<S> run;
    private final FrameBudget budget;
    private final int share;
    private final AtomicBoolean closed = new AtomicBoolean();
    private float[] input;
    private PictureMeasures measures;
    private float score = Float.NaN;
    private volatile boolean handedToWriter;
    private ShotMark shot;

    /** Takes ownership of {@code sample} and of a budget {@code share} already acquired; counts on the run. */
    Candidate(S sample, VideoRun<S> run, FrameBudget budget, int share) {
        this.sample = sample;
        this.run = run;
        this.budget = budget;
        this.share = share;
        run.retain();
    }

    S sample() {
        return sample;
    }

    @Override
    public VideoRun<S> run() {
        return run;
    }

    Path video() {
        return run.video();
    }

    @Override
    public int ordinal() {
        return sample.ordinal();
    }

    /** What the preparing stage made of the sample: the model's input and, when a rule needs them, its measures. */
    void prepared(PreparedPicture prepared) {
        input = prepared.input();
        measures = prepared.measures();
    }

    @Override
    public double seconds() {
        return sample.seconds();
    }

    @Override
    public PictureMeasures measures() {
        return measures;
    }

    @Override
    public ShotMark shot() {
        return shot;
    }

    @Override
    public void shot(ShotMark mark) {
        shot = mark;
    }

    /** Hands the model's input over (to be recycled) and forgets it. */
    float[] takeInput() {
        float[] value = input;
        input = null;
        return value;
    }

    float[] input() {
        return input;
    }

    /** Marks the sample as passed to the writing stage, which owns it from then on. */
    void handToWriter() {
        handedToWriter = true;
    }

    boolean handedToWriter() {
        return handedToWriter;
    }

    void score(float value) {
        score = value;
    }

    @Override
    public float score() {
        return score;
    }

    /** The score, or null for a sample that was not scored (frames extraction). */
    Float scoreOrNull() {
        return Float.isNaN(score) ? null : score;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sample.close();
            } finally {
                budget.release(share);
                run.release();
            }
        }
    }
}
