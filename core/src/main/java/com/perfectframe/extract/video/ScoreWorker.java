package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.SCORE;

import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.video.VideoSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The scoring stage's worker: scores the samples of whatever batch is waiting in one model call, then passes every
 * item on to selection in the order it came, markers included. A scoring failure stops the job: the model is shared
 * by every video.
 */
final class ScoreWorker<S extends VideoSample> implements Stage.Worker<VideoItem> {

    private final BatchScorer scorer;
    private final Stage<VideoItem> select;
    private final JobState job;
    private final ExtractionProgress progress;

    ScoreWorker(BatchScorer scorer, Stage<VideoItem> select, JobState job, ExtractionProgress progress) {
        this.scorer = scorer;
        this.select = select;
        this.job = job;
        this.progress = progress;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(List<VideoItem> items) throws InterruptedException {
        List<Candidate<S>> batch = new ArrayList<>(items.size());
        for (VideoItem item : items) {
            if (item instanceof Candidate<?> c) {
                if (c.run().failed()) {
                    c.close();
                } else {
                    batch.add((Candidate<S>) c);
                }
            }
        }
        float[] scores;
        try {
            scores = scorer.scoreAndRecycle(
                    batch.stream().map(Candidate::takeInput).toList());
        } catch (RuntimeException e) {
            batch.forEach(Candidate::close);
            job.fail(StageFailure.ofJob(SCORE, batch.get(0).video(), "Scoring failed: " + StageFailure.describe(e), e));
            return;
        } catch (Error e) {
            batch.forEach(Candidate::close);
            throw e;
        }
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
            VideoItem item = items.get(i);
            try {
                if (item instanceof Candidate<?>) {
                    if (next < batch.size() && batch.get(next) == item) {
                        Candidate<S> candidate = batch.get(next);
                        candidate.score(scores[next++]);
                        progress.sampleDone(candidate.video());
                        select.submit(candidate);
                    }
                } else {
                    select.submit(item);
                }
            } catch (InterruptedException e) {
                // The item in hand was closed by the stage that refused it; close the others.
                for (int j = i + 1; j < items.size(); j++) {
                    items.get(j).close();
                }
                throw e;
            }
        }
    }
}
