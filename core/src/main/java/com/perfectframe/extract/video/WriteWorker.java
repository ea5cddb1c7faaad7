package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.WRITE;

import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.video.VideoSample;
import java.util.List;

/**
 * The writing stage's worker: writes a kept sample into its video's staging folder, then releases it. A failure is
 * reported before the sample is released, since that release may be the one that completes its video.
 */
final class WriteWorker<S extends VideoSample> implements Stage.Worker<Candidate<S>> {

    private final VideoPipeline.WriteStep<S> step;
    private final JobState job;
    private final ExtractionProgress progress;
    private final boolean countsSamples;

    /** @param countsSamples whether a written sample counts as done (frames extraction: nothing scores it) */
    WriteWorker(VideoPipeline.WriteStep<S> step, JobState job, ExtractionProgress progress, boolean countsSamples) {
        this.step = step;
        this.job = job;
        this.progress = progress;
        this.countsSamples = countsSamples;
    }

    @Override
    public void process(List<Candidate<S>> items) {
        Candidate<S> candidate = items.get(0);
        try {
            step.write(
                    candidate.sample(), candidate.scoreOrNull(), candidate.run().output());
            progress.pictureWritten();
            if (countsSamples) {
                progress.sampleDone(candidate.video());
            }
        } catch (Exception e) {
            candidate.run().report(StageFailure.typed(WRITE, candidate.video(), e), job);
        } finally {
            candidate.close();
        }
    }

    @Override
    public void close() {
        step.close();
    }
}
