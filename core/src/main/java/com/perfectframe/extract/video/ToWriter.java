package com.perfectframe.extract.video;

import com.perfectframe.extract.select.FrameSelection;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.video.VideoSample;

/** The last link of every selection chain: a kept sample goes to the writing stage, which owns it from then on. */
final class ToWriter<S extends VideoSample> implements FrameSelection<Candidate<S>> {

    private final Stage<Candidate<S>> write;
    private final VideoRun<S> run;

    ToWriter(Stage<Candidate<S>> write, VideoRun<S> run) {
        this.write = write;
        this.run = run;
    }

    @Override
    public void offer(Candidate<S> sample) throws InterruptedException {
        sample.handToWriter();
        write.submit(sample);
    }

    /** Leaves a written picture out of the video's commit: a better near-duplicate replaced it. */
    @Override
    public void withdraw(int ordinal) {
        run.output().withdraw(ordinal);
    }

    @Override
    public void finish() {}

    @Override
    public void discard() {}
}
