package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.PREPARE;
import static com.perfectframe.extract.stage.StageName.SCORE;
import static com.perfectframe.extract.stage.StageName.SELECT;
import static com.perfectframe.extract.stage.StageName.WRITE;

import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.extract.stage.StageSizes;
import com.perfectframe.video.VideoSample;
import java.util.function.Supplier;

/**
 * Best frames' chain: prepare ({@code prepareThreads}) → score (one thread, batches of whatever waits) → select
 * (one thread, so each video's selection state is confined to it) → write ({@code writerThreads}). Samples must
 * come in order: a sample the decoder passed over becomes a {@link VideoItem.Skip} so that its group can close
 * without it, and the end of a video follows its last sample as a {@link VideoItem.End}.
 */
final class ScoringChain<S extends VideoSample> implements StageChain<S> {

    private final VideoPipeline.Selections<S> selections;
    private final Stage<Candidate<S>> write;
    private final Stage<VideoItem> select;
    private final Stage<VideoItem> score;
    private final Stage<Candidate<S>> prepare;

    ScoringChain(
            VideoPipeline.Scoring<S> scoring,
            Supplier<? extends VideoPipeline.WriteStep<S>> writers,
            StageSizes sizes,
            JobState job,
            ExtractionProgress progress) {
        this.selections = scoring.selections();
        int writerThreads = sizes.writerThreads();
        int batch = sizes.inferenceBatch();
        int preparers = sizes.prepareThreads();
        Stage<Candidate<S>> writeStage = new Stage<>(
                WRITE,
                writerThreads,
                2 * writerThreads,
                1,
                () -> new WriteWorker<>(writers.get(), job, progress, false),
                job::isStopped,
                job.unexpected(WRITE));
        Stage<VideoItem> selectStage = new Stage<>(
                SELECT, 1, 2 * batch, 1, () -> new SelectWorker<S>(job), job::isStopped, job.unexpected(SELECT));
        Stage<VideoItem> scoreStage = new Stage<>(
                SCORE,
                1,
                2 * batch,
                batch,
                () -> new ScoreWorker<S>(scoring.scorer(), selectStage, job, progress),
                job::isStopped,
                job.unexpected(SCORE));
        this.prepare = new Stage<>(
                PREPARE,
                preparers,
                2 * preparers,
                1,
                () -> new PrepareWorker<>(scoring.preparers().get(), scoreStage, job),
                job::isStopped,
                job.unexpected(PREPARE));
        this.write = writeStage;
        this.select = selectStage;
        this.score = scoreStage;
    }

    @Override
    public void planned(VideoRun<S> run, int samples) {
        if (run.selection() == null) {
            run.selection(selections.forVideo(run.video(), samples, new ToWriter<>(write, run)));
        }
    }

    /**
     * Tells the selection about samples the decoder passed over, so that their groups can close without them;
     * drops a sample delivered after a later one (its group may have closed already).
     */
    @Override
    public boolean admit(VideoRun<S> run, S sample) throws InterruptedException {
        if (run.selection() == null) {
            planned(run, 0);
        }
        int ordinal = sample.ordinal();
        if (ordinal <= run.lastOrdinal()) {
            return false;
        }
        for (int missing = run.lastOrdinal() + 1; missing < ordinal; missing++) {
            score.submit(new VideoItem.Skip(run, missing));
        }
        run.lastOrdinal(ordinal);
        return true;
    }

    @Override
    public void pass(Candidate<S> candidate) throws InterruptedException {
        candidate.run().enterPrepare();
        prepare.submit(candidate);
    }

    @Override
    public void decodingEnded(VideoRun<S> run) throws InterruptedException {
        if (run.leavePrepare()) {
            score.submit(new VideoItem.End(run));
        }
    }

    @Override
    public boolean terminated() {
        return prepare.terminated() && score.terminated() && select.terminated() && write.terminated();
    }

    @Override
    public void close() {
        try {
            prepare.close();
        } finally {
            try {
                score.close();
            } finally {
                try {
                    select.close();
                } finally {
                    write.close();
                }
            }
        }
    }
}
