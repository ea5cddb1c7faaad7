package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.DECODE;

import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.FrameSelection;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.FrameBudget;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.extract.stage.StageSizes;
import com.perfectframe.video.VideoSample;
import com.perfectframe.video.VideoSource;
import com.perfectframe.video.container.VideoException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One video job's pipeline, built one of two ways: {@link #scored} (decode → prepare → score → select → write, best
 * frames) or {@link #everySample} (decode → write, frames extraction). See {@code docs/architecture.md} for the
 * picture.
 *
 * <p>Decoding runs on the job's thread ({@link DecodeSink}); the stages after it are a {@link StageChain} of
 * {@link com.perfectframe.extract.stage.Stage}s, each with its worker class ({@link PrepareWorker}, {@link
 * ScoreWorker}, {@link SelectWorker}, {@link WriteWorker}). Videos follow each other without draining the pipeline:
 * the next video decodes while the previous one's last samples are scored and written, and each video is finished
 * ({@link VideoFinisher}: committed, renamed or reported) once nothing of it is left in the pipeline. A failure that
 * belongs to one video counts against it and the job goes on; a failure of the output folder or the model stops the
 * job. When the job stops (failure or {@link Cancellation}), every stage closes what it holds and the frames held by
 * selections are released; no unfinished video is renamed.
 *
 * @param <S> the kind of sample: decoded frames in production, stubs in tests
 */
public final class VideoPipeline<S extends VideoSample> {

    private static final Logger log = LoggerFactory.getLogger(VideoPipeline.class);

    /**
     * Writes one kept sample into its video's staging folder; one per writing thread. Throws a {@link StageFailure}
     * of job scope when the output folder fails, anything else when only this picture fails.
     */
    public interface WriteStep<S> extends AutoCloseable {
        void write(S sample, Float score, StagedVideo into) throws Exception;

        @Override
        default void close() {}
    }

    /** Makes a video's selection chain, whose last link ({@code toWriter}) passes kept samples to writing. */
    public interface Selections<S extends VideoSample> {
        FrameSelection<Candidate<S>> forVideo(Path video, int plannedSamples, FrameSelection<Candidate<S>> toWriter);

        /** Frames one video's chain may hold while it waits for more: the frame budget is shared out by it. */
        default int framesHeld() {
            return 1;
        }
    }

    /** What scores and selects: preparers (one per thread), the model, and each video's selection. */
    public record Scoring<S extends VideoSample>(
            Supplier<? extends PrepareStep<S>> preparers, BatchScorer scorer, Selections<S> selections) {}

    /** Where the outputs go (each video staged, then committed as a unit) and what a processed video is renamed. */
    public record Outputs(OutputStaging staging, String processedPrefix) {}

    private final VideoSource<S> source;
    private final Function<JobState, StageChain<S>> chains;
    private final FrameBudget budget;
    private final VideoFinisher finisher;
    private final ExtractionProgress progress;
    private final Cancellation cancellation;
    private final JobState job;

    private VideoPipeline(
            VideoSource<S> source,
            Function<JobState, StageChain<S>> chains,
            int framesHeld,
            StageSizes sizes,
            Outputs outputs,
            ExtractionProgress progress,
            Cancellation cancellation) {
        this.source = source;
        this.chains = chains;
        this.budget = new FrameBudget(sizes.frameBudgetBytes(), framesHeld);
        this.finisher = new VideoFinisher(outputs.staging(), outputs.processedPrefix(), progress);
        this.progress = progress;
        this.cancellation = cancellation;
        this.job = new JobState(cancellation);
    }

    /**
     * Best frames: every sample is prepared, scored and offered to its video's selection; the kept ones are written.
     *
     * @throws IllegalArgumentException when the source does not deliver samples in order (selection needs it)
     */
    public static <S extends VideoSample> VideoPipeline<S> scored(
            VideoSource<S> source,
            Scoring<S> scoring,
            Supplier<? extends WriteStep<S>> writers,
            StageSizes sizes,
            Outputs outputs,
            ExtractionProgress progress,
            Cancellation cancellation) {
        if (!source.deliversInOrder()) {
            throw new IllegalArgumentException("selection needs a source that delivers samples in order");
        }
        return new VideoPipeline<>(
                source,
                job -> new ScoringChain<>(scoring, writers, sizes, job, progress),
                scoring.selections().framesHeld(),
                sizes,
                outputs,
                progress,
                cancellation);
    }

    /** Frames extraction: every sample is written, unscored, in whatever order the source delivers them. */
    public static <S extends VideoSample> VideoPipeline<S> everySample(
            VideoSource<S> source,
            Supplier<? extends WriteStep<S>> writers,
            StageSizes sizes,
            Outputs outputs,
            ExtractionProgress progress,
            Cancellation cancellation) {
        return new VideoPipeline<>(
                source,
                job -> new WritingChain<>(writers, sizes.writerThreads(), job, progress),
                1,
                sizes,
                outputs,
                progress,
                cancellation);
    }

    /** The budget, for tests that check every share came back. */
    FrameBudget budget() {
        return budget;
    }

    /**
     * Runs the videos through the pipeline, once; renames each video whose every sample went through.
     *
     * @throws ExtractionException when the output folder or the model fails
     * @throws CancelledException when the job was cancelled
     */
    public ExtractionSummary run(List<Path> videos) throws ExtractionException, InterruptedException {
        Instant start = Instant.now();
        progress.begin(videos.size());
        int processed = cancellation.runInterruptibly(() -> runVideos(videos));
        return progress.summary(processed, start);
    }

    private int runVideos(List<Path> videos) throws ExtractionException, InterruptedException {
        Deque<VideoRun<S>> unfinished = new ArrayDeque<>();
        int processed = 0;
        StageChain<S> chain = chains.apply(job);
        try {
            for (Path video : videos) {
                job.throwIfStopped();
                VideoRun<S> run = new VideoRun<>(video, finisher.stage(video));
                unfinished.add(run);
                progress.startFile(video);
                log.info("Sampling {}", video.getFileName());
                decode(run, chain);
                processed += finishDone(unfinished, false);
            }
            processed += finishDone(unfinished, true);
            job.throwIfStopped();
        } finally {
            chain.close();
            if (chain.terminated()) {
                // No stage thread is left: the frames that unfinished selections hold can be released here, and the
                // pictures of unfinished videos discarded (they are not renamed: a rerun does them).
                unfinished.forEach(VideoRun::discardSelection);
                unfinished.forEach(finisher::discard);
                finisher.close();
            } else {
                log.warn("A stage is still running; the frames its videos hold are left to it");
            }
        }
        return processed;
    }

    /** Decodes one video on this thread, its samples going into the chain. */
    private void decode(VideoRun<S> run, StageChain<S> chain) throws InterruptedException {
        try {
            run.sampled(source.sample(run.video(), new DecodeSink<>(run, chain, budget, job, progress)));
        } catch (VideoException e) {
            run.fail(StageFailure.ofInput(DECODE, run.video(), e.problem(), e));
        } catch (DecodeSink.Abandoned e) {
            // The video failed in a later stage, or the job stops: what happened is recorded already.
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof DecodeSink.Abandoned)) { // parallel decoders wrap what a part threw
                run.fail(StageFailure.unexpected(DECODE, run.video(), e));
            }
        } finally {
            chain.decodingEnded(run);
        }
    }

    /**
     * Finishes the videos at the head of the list that have nothing left in the pipeline; with {@code wait}, waits
     * for all. Returns how many were processed whole.
     */
    private int finishDone(Deque<VideoRun<S>> unfinished, boolean wait)
            throws ExtractionException, InterruptedException {
        int processed = 0;
        while (!unfinished.isEmpty()) {
            VideoRun<S> run = unfinished.peek();
            if (!run.done().isDone()) {
                if (!wait) {
                    break;
                }
                try {
                    CompletableFuture.anyOf(run.done(), job.stopped()).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            // A stopping job releases samples without writing them, which also completes runs: only a job that
            // is still running may rename or report a video.
            job.throwIfStopped();
            unfinished.poll();
            try {
                if (report(finisher.finish(run))) {
                    processed++;
                }
            } finally {
                progress.fileDone();
            }
        }
        return processed;
    }

    /** Logs or reports what became of a video; true when it was processed whole. */
    private boolean report(VideoOutcome outcome) {
        if (outcome instanceof VideoOutcome.Reported reported) {
            log.warn("Skipped {} ({}): {}", reported.video().getFileName(), reported.stage(), reported.reason());
            progress.problem(reported.video(), reported.stage(), reported.reason());
            return false;
        }
        VideoOutcome.Processed processed = (VideoOutcome.Processed) outcome;
        log.info(
                "{}: {} samples ({} packets decoded of {} read, {} seeks)",
                processed.video().getFileName(),
                processed.sampling().delivered(),
                processed.sampling().packetsDecoded(),
                processed.sampling().packetsRead(),
                processed.sampling().seeks());
        return true;
    }
}
