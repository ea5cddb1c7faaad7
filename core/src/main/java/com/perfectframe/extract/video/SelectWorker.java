package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.SELECT;

import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.video.VideoSample;
import java.util.List;

/**
 * The selection stage's worker, one thread: offers each scored sample to its video's {@link
 * com.perfectframe.extract.select.FrameSelection} chain, tells it about samples that never came, and finishes it at
 * the video's end. A rule that breaks fails its video, not the job; what the chain held is then released.
 */
final class SelectWorker<S extends VideoSample> implements Stage.Worker<VideoItem> {

    private final JobState job;

    SelectWorker(JobState job) {
        this.job = job;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(List<VideoItem> items) throws InterruptedException {
        for (VideoItem item : items) {
            VideoRun<S> run = (VideoRun<S>) item.run();
            if (item instanceof Candidate<?> candidate) {
                offer(run, (Candidate<S>) candidate);
            } else if (item instanceof VideoItem.Skip skip) {
                skip(run, skip.ordinal());
            } else {
                end(run);
            }
        }
    }

    private void offer(VideoRun<S> run, Candidate<S> candidate) throws InterruptedException {
        if (run.failed()) {
            candidate.close();
            return;
        }
        try {
            run.selection().offer(candidate);
        } catch (RuntimeException e) {
            run.fail(StageFailure.unexpected(SELECT, run.video(), e));
            // Discarding releases what the rules hold; a sample a broken rule dropped is released here, unless it
            // reached the writer, which may be using it.
            run.discardSelection();
            if (!candidate.handedToWriter()) {
                candidate.close();
            }
        }
    }

    private void skip(VideoRun<S> run, int ordinal) throws InterruptedException {
        if (run.failed()) {
            return;
        }
        try {
            run.selection().skipped(ordinal);
        } catch (RuntimeException e) {
            run.fail(StageFailure.unexpected(SELECT, run.video(), e));
            run.discardSelection();
        }
    }

    private void end(VideoRun<S> run) throws InterruptedException {
        try {
            if (run.failed() || job.isStopped()) {
                run.discardSelection();
            } else {
                if (run.selection() != null) {
                    run.selection().finish();
                }
                run.selectionFinished(true);
            }
        } catch (RuntimeException e) {
            run.fail(StageFailure.unexpected(SELECT, run.video(), e));
            run.discardSelection();
        } finally {
            run.selectionEnded();
        }
    }
}
