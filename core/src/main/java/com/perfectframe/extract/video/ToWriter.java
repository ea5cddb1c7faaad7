package com.perfectframe.extract.video;

import com.perfectframe.extract.select.FrameSelection;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.video.VideoSample;

/** The last link of every selection chain: a kept sample goes to the writing stage, which owns it from then on. */
final class ToWriter<S extends VideoSample> implements FrameSelection<Candidate<S>> {

    private final Stage<Candidate<S>> write;

    ToWriter(Stage<Candidate<S>> write) {
        this.write = write;
    }

    @Override
    public void offer(Candidate<S> sample) throws InterruptedException {
        sample.handToWriter();
        write.submit(sample);
    }

    @Override
    public void finish() {}

    @Override
    public void discard() {}
}
