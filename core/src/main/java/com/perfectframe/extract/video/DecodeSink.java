package com.perfectframe.extract.video;

import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.stage.FrameBudget;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.VideoSample;

/**
 * Receives one video's samples from the decoder, on the job's thread, and hands each to the {@link StageChain} as a
 * {@link Candidate} holding its share of the {@link FrameBudget}: the decoder waits here while the later stages hold
 * enough frames. Once the video failed or the job stops, the next sample ends the decoding ({@link Abandoned}).
 */
final class DecodeSink<S extends VideoSample> implements SampleSink<S> {

    /** The video's samples are no longer wanted (it failed, or the job stops); what happened is recorded already. */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final VideoRun<S> run;
    private final StageChain<S> chain;
    private final FrameBudget budget;
    private final JobState job;
    private final ExtractionProgress progress;

    DecodeSink(VideoRun<S> run, StageChain<S> chain, FrameBudget budget, JobState job, ExtractionProgress progress) {
        this.run = run;
        this.chain = chain;
        this.budget = budget;
        this.job = job;
        this.progress = progress;
    }

    @Override
    public void planned(int samples) {
        progress.plannedSamples(samples);
        chain.planned(run, samples);
    }

    @Override
    public void accept(S sample) throws InterruptedException {
        if (job.isStopped() || run.failed()) {
            sample.close();
            job.cancellation().throwIfCancelled();
            throw new Abandoned();
        }
        int share;
        try {
            if (!chain.admit(run, sample)) {
                sample.close();
                return;
            }
            share = budget.acquire(sample.bytes());
        } catch (InterruptedException e) {
            sample.close();
            throw e;
        }
        chain.pass(new Candidate<>(sample, run, budget, share));
    }
}
