package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.PREPARE;

import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.video.VideoSample;
import java.util.List;

/**
 * The preparing stage's worker: turns a sample into the model's input (and its measures) and passes it to scoring.
 * When the last sample of a video leaves this stage, the video's {@link VideoItem.End} follows it, so that the end
 * marker can never overtake a sample still being prepared by another thread.
 */
final class PrepareWorker<S extends VideoSample> implements Stage.Worker<Candidate<S>> {

    private final PrepareStep<S> step;
    private final Stage<VideoItem> score;
    private final JobState job;

    PrepareWorker(PrepareStep<S> step, Stage<VideoItem> score, JobState job) {
        this.step = step;
        this.score = score;
        this.job = job;
    }

    @Override
    public void process(List<Candidate<S>> items) throws InterruptedException {
        Candidate<S> candidate = items.get(0);
        VideoRun<S> run = candidate.run();
        try {
            if (run.failed()) {
                candidate.close();
                return;
            }
            try {
                candidate.prepared(step.prepare(candidate.sample(), note -> {}));
            } catch (Exception e) {
                candidate.close();
                if (e instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                run.report(StageFailure.typed(PREPARE, run.video(), e), job);
                return;
            } catch (Error e) {
                candidate.close();
                throw e;
            }
            score.submit(candidate);
        } finally {
            if (run.leavePrepare()) {
                score.submit(new VideoItem.End(run));
            }
        }
    }

    @Override
    public void close() {
        step.close();
    }
}
