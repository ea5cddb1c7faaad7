package com.perfectframe.extract;

import static com.perfectframe.extract.pipeline.StageName.DECODE;
import static com.perfectframe.extract.pipeline.StageName.PREPARE;
import static com.perfectframe.extract.pipeline.StageName.SCORE;
import static com.perfectframe.extract.pipeline.StageName.SELECT;
import static com.perfectframe.extract.pipeline.StageName.WRITE;

import com.perfectframe.extract.pipeline.Cancellation;
import com.perfectframe.extract.pipeline.CancelledException;
import com.perfectframe.extract.pipeline.JobState;
import com.perfectframe.extract.pipeline.Stage;
import com.perfectframe.extract.pipeline.StageFailure;
import com.perfectframe.extract.pipeline.StageName;
import com.perfectframe.extract.select.FrameSelection;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SamplingResult;
import com.perfectframe.video.VideoException;
import com.perfectframe.video.VideoSample;
import com.perfectframe.video.VideoSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One video job's pipeline: decode → prepare → score → select → write, or decode → write when every sample is
 * written (frames extraction). See {@code docs/architecture.md} for the picture.
 *
 * <ul>
 *   <li><b>decode</b> runs on the job's thread (FFmpeg adds its own threads); each sample takes a share of the
 *       {@link FrameBudget} before it is passed on, so the decoder waits when the later stages hold enough frames.
 *   <li><b>prepare</b>: {@code prepareThreads} workers turn samples into the model's input.
 *   <li><b>score</b>: one thread scores batches of whatever is waiting, then runs each video's {@link
 *       FrameSelection} chain, so selection state is confined to that thread.
 *   <li><b>write</b>: {@code writerThreads} workers encode and write the kept frames.
 * </ul>
 *
 * <p>Videos follow each other without draining the pipeline: the next video decodes while the previous one's last
 * samples are scored and written, and a video is renamed once nothing of it is left in the pipeline. A failure that
 * belongs to one video counts against it and the job goes on; a failure of the output folder or the model stops
 * the job. When the job stops (failure or {@link Cancellation}), every stage closes what it holds and the frames
 * held by selections are released; no unfinished video is renamed.
 *
 * @param <S> the kind of sample: decoded frames in production, stubs in tests
 */
final class VideoPipeline<S extends VideoSample> {

    private static final Logger log = LoggerFactory.getLogger(VideoPipeline.class);

    /** What the scoring stage receives: samples to score, and markers for the selection. */
    interface ScoreItem extends AutoCloseable {
        @Override
        void close();
    }

    /** A planned sample of a video that will never come; counted by its selection. */
    private record Skip(VideoRun<?> run, int ordinal) implements ScoreItem {
        @Override
        public void close() {}
    }

    /** Every sample of a video has passed: its selection decides about what it holds. */
    private record End(VideoRun<?> run) implements ScoreItem {
        @Override
        public void close() {
            // Dropped only when the job stops; the pipeline then discards the selection itself.
        }
    }

    /** Turns a sample into the model's input; one per preparing thread. */
    interface PrepareStep<S> extends AutoCloseable {
        PreparedPicture prepare(S sample) throws Exception;

        @Override
        default void close() {}
    }

    /**
     * Writes one kept sample; one per writing thread. Throws a {@link StageFailure} of job scope when the output
     * folder fails, anything else when only this picture fails.
     */
    interface WriteStep<S> extends AutoCloseable {
        void write(S sample, Float score) throws Exception;

        @Override
        default void close() {}
    }

    /** Makes a video's selection chain, whose last link ({@code toWriter}) passes kept samples to writing. */
    interface Selections<S extends VideoSample> {
        FrameSelection<Candidate<S>> forVideo(Path video, int plannedSamples, FrameSelection<Candidate<S>> toWriter);

        /** Frames one video's chain may hold while it waits for more: the frame budget is shared out by it. */
        default int framesHeld() {
            return 1;
        }
    }

    /** The scoring half of the pipeline; absent in frames extraction. */
    record Scoring<S extends VideoSample>(
            Supplier<? extends PrepareStep<S>> preparers,
            FrameScorer scorer,
            Consumer<float[]> recycle,
            Selections<S> selections) {}

    /** How big the stages are. */
    record Sizes(int prepareThreads, int writerThreads, int inferenceBatch, long frameBudgetBytes) {}

    /** A video whose samples are no longer wanted (it failed, or the job stops). */
    private static final class VideoAbandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VideoAbandoned() {
            super(null, null, false, false);
        }
    }

    private final ExtractorName extractor;
    private final VideoSource<S> source;
    private final Scoring<S> scoring;
    private final Supplier<? extends WriteStep<S>> writers;
    private final Sizes sizes;
    private final String processedPrefix;
    private final OutputStaging staging;
    private final ExtractionProgress progress;
    private final Cancellation cancellation;
    private final FrameBudget budget;
    private final JobState job;
    private Stage<Candidate<S>> prepareStage;
    private Stage<ScoreItem> scoreStage;
    private Stage<Candidate<S>> writeStage;

    /** A pipeline whose writers put pictures straight into place (tests). */
    VideoPipeline(
            ExtractorName extractor,
            VideoSource<S> source,
            Scoring<S> scoring,
            Supplier<? extends WriteStep<S>> writers,
            Sizes sizes,
            String processedPrefix,
            ExtractionProgress progress,
            Cancellation cancellation) {
        this(extractor, source, scoring, writers, sizes, processedPrefix, null, progress, cancellation);
    }

    /**
     * @param scoring the scoring half, or null to write every sample (frames extraction)
     * @param processedPrefix prefix a finished video is renamed with
     * @param staging where each video's outputs wait until it is done, committed then as a unit (or discarded when
     *     the job stops first); null when the writers put them in place themselves
     */
    VideoPipeline(
            ExtractorName extractor,
            VideoSource<S> source,
            Scoring<S> scoring,
            Supplier<? extends WriteStep<S>> writers,
            Sizes sizes,
            String processedPrefix,
            OutputStaging staging,
            ExtractionProgress progress,
            Cancellation cancellation) {
        if (scoring != null && !source.deliversInOrder()) {
            throw new IllegalArgumentException("selection needs a source that delivers samples in order");
        }
        this.extractor = extractor;
        this.source = source;
        this.scoring = scoring;
        this.writers = writers;
        this.sizes = sizes;
        this.processedPrefix = processedPrefix;
        this.staging = staging;
        this.progress = progress;
        this.cancellation = cancellation;
        this.job = new JobState(cancellation);
        this.budget = new FrameBudget(
                sizes.frameBudgetBytes(),
                scoring == null ? 1 : scoring.selections().framesHeld());
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
    ExtractionSummary run(List<Path> videos) throws ExtractionException, InterruptedException {
        Instant start = Instant.now();
        progress.begin(videos.size());
        Deque<VideoRun<S>> unfinished = new ArrayDeque<>();
        int processed = 0;
        try (Cancellation.Registration registration = cancellation.interruptOnCancel()) {
            try {
                openStages();
                for (Path video : videos) {
                    throwIfStopped();
                    VideoRun<S> run = new VideoRun<>(video, stage(video));
                    unfinished.add(run);
                    progress.startFile(video);
                    log.info("Sampling {}", video.getFileName());
                    decode(run);
                    processed += finishDone(unfinished, false);
                }
                processed += finishDone(unfinished, true);
                throwIfStopped();
            } finally {
                closeStages();
                if (stagesTerminated()) {
                    // No stage thread is left: the frames that unfinished selections hold can be released here,
                    // and the pictures of unfinished videos discarded (they are not renamed: a rerun does them).
                    unfinished.forEach(VideoRun::discardSelection);
                    unfinished.forEach(this::discardOutputs);
                    if (staging != null) {
                        staging.close();
                    }
                } else {
                    log.warn("A stage is still running; the frames its videos hold are left to it");
                }
            }
        } catch (InterruptedException e) {
            if (cancellation.isCancelled() && !(e instanceof CancelledException)) {
                throw new CancelledException();
            }
            throw e;
        }
        List<ExtractionProgress.FileProblem> problems = progress.problems();
        return new ExtractionSummary(
                extractor,
                processed,
                problems.size(),
                progress.totalSamplesDone(),
                progress.picturesWritten(),
                Duration.between(start, Instant.now()),
                problems,
                progress.notes());
    }

    /** Opens the video's staging folder, where its outputs wait until it is done. */
    private StagedVideo stage(Path video) throws ExtractionException {
        if (staging == null) {
            return null;
        }
        try {
            return staging.open(video);
        } catch (java.io.IOException e) {
            throw new ExtractionException("Cannot write to output folder "
                    + staging.output().toAbsolutePath() + ": " + StageFailure.describe(e));
        }
    }

    /** Discards what an unfinished video staged: nothing of it reaches the output folder. */
    private void discardOutputs(VideoRun<S> run) {
        StagedVideo output = run.output();
        if (output != null) {
            int pictures = output.pictures();
            output.discard();
            staging.forget(run.video());
            progress.picturesDiscarded(pictures);
            if (pictures > 0) {
                log.info(
                        "{}: {} pictures of the unfinished video discarded; it was not renamed and is processed"
                                + " again by the next run",
                        run.video().getFileName(),
                        pictures);
            }
        }
    }

    private void openStages() {
        int writerThreads = sizes.writerThreads();
        writeStage = new Stage<>(
                WRITE, writerThreads, 2 * writerThreads, 1, WriteWorker::new, job::isStopped, job.unexpected(WRITE));
        if (scoring != null) {
            int batch = sizes.inferenceBatch();
            scoreStage =
                    new Stage<>(SCORE, 1, 2 * batch, batch, ScoreWorker::new, job::isStopped, job.unexpected(SCORE));
            int preparers = sizes.prepareThreads();
            prepareStage = new Stage<>(
                    PREPARE, preparers, 2 * preparers, 1, PrepareWorker::new, job::isStopped, job.unexpected(PREPARE));
        }
    }

    /** Closes the stages in the order of the data flow, so that each one's producers have stopped. */
    private void closeStages() {
        try {
            if (prepareStage != null) {
                prepareStage.close();
            }
        } finally {
            try {
                if (scoreStage != null) {
                    scoreStage.close();
                }
            } finally {
                if (writeStage != null) {
                    writeStage.close();
                }
            }
        }
    }

    private boolean stagesTerminated() {
        return (prepareStage == null || prepareStage.terminated())
                && (scoreStage == null || scoreStage.terminated())
                && (writeStage == null || writeStage.terminated());
    }

    private void report(VideoRun<S> run, StageFailure failure) {
        if (failure.stopsJob()) {
            job.fail(failure);
        } else {
            run.fail(failure);
        }
    }

    /** The failure an exception of a stage stands for: its own typing, or one against the video. */
    private static StageFailure failureOf(StageName stage, Path video, Exception e) {
        return e instanceof StageFailure typed ? typed : StageFailure.unexpected(stage, video, e);
    }

    private void throwIfStopped() throws ExtractionException, CancelledException {
        try {
            job.throwIfStopped();
        } catch (StageFailure f) {
            throw new ExtractionException(f.getMessage(), f);
        }
    }

    // ----- decode: the job's thread

    private void decode(VideoRun<S> run) throws InterruptedException {
        try {
            run.sampled(source.sample(run.video(), new Sink(run)));
        } catch (VideoException e) {
            run.fail(StageFailure.ofInput(DECODE, run.video(), withoutFileName(run.video(), e.getMessage()), e));
        } catch (VideoAbandoned e) {
            // The video failed in a later stage, or the job stops: what happened is recorded already.
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof VideoAbandoned)) { // parallel decoders wrap what a part threw
                run.fail(StageFailure.unexpected(DECODE, run.video(), e));
            }
        } finally {
            endDecoding(run);
        }
    }

    private void endDecoding(VideoRun<S> run) throws InterruptedException {
        if (scoring == null) {
            run.selectionEnded(); // nothing selects: every sample goes straight to writing
        } else if (run.leavePrepare()) {
            scoreStage.submit(new End(run));
        }
    }

    private static String withoutFileName(Path video, String message) {
        String prefix = video.getFileName() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Receives one video's samples from the decoder and passes them on. */
    private final class Sink implements SampleSink<S> {
        private final VideoRun<S> run;

        Sink(VideoRun<S> run) {
            this.run = run;
        }

        @Override
        public void planned(int samples) {
            progress.plannedSamples(samples);
            if (scoring != null && run.selection() == null) {
                run.selection(scoring.selections().forVideo(run.video(), samples, new ToWriter()));
            }
        }

        @Override
        public void accept(S sample) throws InterruptedException {
            if (job.isStopped() || run.failed()) {
                sample.close();
                cancellation.throwIfCancelled();
                throw new VideoAbandoned();
            }
            if (scoring != null && !inOrder(sample)) {
                return;
            }
            int share;
            try {
                share = budget.acquire(sample.bytes());
            } catch (InterruptedException e) {
                sample.close();
                throw e;
            }
            Candidate<S> candidate = new Candidate<>(sample, run, budget, share);
            if (scoring == null) {
                writeStage.submit(candidate);
            } else {
                run.enterPrepare();
                prepareStage.submit(candidate);
            }
        }

        /**
         * Tells the selection about samples the decoder passed over, so that their groups can close without them;
         * drops a sample delivered after a later one (its group may have closed already).
         */
        private boolean inOrder(S sample) throws InterruptedException {
            if (run.selection() == null) {
                planned(0);
            }
            int ordinal = sample.ordinal();
            if (ordinal <= run.lastOrdinal()) {
                sample.close();
                return false;
            }
            try {
                for (int missing = run.lastOrdinal() + 1; missing < ordinal; missing++) {
                    scoreStage.submit(new Skip(run, missing));
                }
            } catch (InterruptedException e) {
                sample.close();
                throw e;
            }
            run.lastOrdinal(ordinal);
            return true;
        }
    }

    // ----- prepare

    private final class PrepareWorker implements Stage.Worker<Candidate<S>> {
        private final PrepareStep<S> step = scoring.preparers().get();

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
                    candidate.prepared(step.prepare(candidate.sample()));
                } catch (Exception e) {
                    candidate.close();
                    if (e instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    report(run, failureOf(PREPARE, run.video(), e));
                    return;
                } catch (Error e) {
                    candidate.close();
                    throw e;
                }
                scoreStage.submit(candidate);
            } finally {
                if (run.leavePrepare()) {
                    scoreStage.submit(new End(run));
                }
            }
        }

        @Override
        public void close() {
            step.close();
        }
    }

    // ----- score and select: one thread

    private final class ScoreWorker implements Stage.Worker<ScoreItem> {

        @Override
        @SuppressWarnings("unchecked")
        public void process(List<ScoreItem> items) throws InterruptedException {
            List<Candidate<S>> batch = new ArrayList<>(items.size());
            for (ScoreItem item : items) {
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
                scores = score(batch);
            } catch (RuntimeException e) {
                batch.forEach(Candidate::close);
                job.fail(StageFailure.ofJob(
                        SCORE, batch.get(0).video(), "Scoring failed: " + StageFailure.describe(e), e));
                return;
            } catch (Error e) {
                batch.forEach(Candidate::close);
                throw e;
            }
            int next = 0;
            for (int i = 0; i < items.size(); i++) {
                ScoreItem item = items.get(i);
                try {
                    if (item instanceof Candidate<?> c) {
                        if (next < batch.size() && batch.get(next) == c) {
                            Candidate<S> candidate = batch.get(next);
                            candidate.score(scores[next++]);
                            progress.sampleDone(candidate.video());
                            select(candidate);
                        }
                    } else if (item instanceof Skip skip) {
                        skip((VideoRun<S>) skip.run(), skip.ordinal());
                    } else if (item instanceof End end) {
                        end((VideoRun<S>) end.run());
                    }
                } catch (InterruptedException | RuntimeException | Error e) {
                    // The item in hand belongs to the rule or the stage that took or refused it; close the others.
                    for (int j = i + 1; j < items.size(); j++) {
                        items.get(j).close();
                    }
                    throw e;
                }
            }
        }

        private float[] score(List<Candidate<S>> batch) {
            if (batch.isEmpty()) {
                return new float[0];
            }
            List<float[]> inputs = new ArrayList<>(batch.size());
            batch.forEach(c -> inputs.add(c.input()));
            float[] scores = scoring.scorer().score(inputs);
            if (scores.length != batch.size()) {
                throw new IllegalStateException(
                        "the model gave " + scores.length + " scores for " + batch.size() + " pictures");
            }
            batch.forEach(c -> scoring.recycle().accept(c.takeInput()));
            return scores;
        }

        private void select(Candidate<S> candidate) throws InterruptedException {
            VideoRun<S> run = candidate.run();
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

    /** The last link of every selection chain: kept samples go to the writing stage. */
    private final class ToWriter implements FrameSelection<Candidate<S>> {

        @Override
        public void offer(Candidate<S> sample) throws InterruptedException {
            sample.handToWriter();
            writeStage.submit(sample);
        }

        @Override
        public void finish() {}

        @Override
        public void discard() {}
    }

    // ----- write

    private final class WriteWorker implements Stage.Worker<Candidate<S>> {
        private final WriteStep<S> step = writers.get();

        @Override
        public void process(List<Candidate<S>> items) {
            Candidate<S> candidate = items.get(0);
            try {
                step.write(candidate.sample(), candidate.scoreOrNull());
                progress.pictureWritten();
                if (scoring == null) {
                    progress.sampleDone(candidate.video());
                }
            } catch (Exception e) {
                // Reported before the sample is released: its release may be the one that completes the video.
                report(candidate.run(), failureOf(WRITE, candidate.video(), e));
            } finally {
                candidate.close();
            }
        }

        @Override
        public void close() {
            step.close();
        }
    }

    // ----- finishing videos: the job's thread

    /** Reports and renames the finished videos at the head of the list; with {@code wait}, waits for all. */
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
            throwIfStopped();
            unfinished.poll();
            if (finish(run)) {
                processed++;
            }
        }
        return processed;
    }

    /**
     * A video with nothing left in the pipeline: its outputs are committed, and it is renamed when every sample went
     * through; reported otherwise (what it wrote is kept, and it is not renamed).
     */
    private boolean finish(VideoRun<S> run) throws ExtractionException {
        Path video = run.video();
        try {
            StageFailure failure = run.failure();
            SamplingResult result = run.sampling();
            String stage = null;
            String why = null;
            if (failure != null) {
                stage = failure.stage().id();
                why = failure.getMessage();
            } else if (scoring != null && !run.selectionFinished()) {
                stage = SELECT.id();
                why = "its selection did not finish; the video was not renamed";
            } else if (result == null || !result.complete()) {
                String problem = result != null && result.problem() != null
                        ? result.problem()
                        : "not every sample could be decoded";
                stage = DECODE.id();
                why = problem + "; the pictures found were written and the video was not renamed";
            } else if (run.changedSinceStart()) {
                stage = DECODE.id();
                why = "is still being written (it changed while it was read): the pictures found were written and"
                        + " the video was not renamed; run again once the recording is complete";
            } else if (result.shortfall() != null) {
                // Decoding stopped before the end the file declares, with no error to say why.
                stage = DECODE.id();
                why = result.shortfall() + ": the pictures found were written and the video was not renamed";
            }
            ExtractionException renameFailure = commit(run, why == null ? processedPrefix : null);
            if (why != null) {
                problem(video, stage, why);
                return false;
            }
            if (renameFailure != null) {
                problem(video, "rename", renameFailure.getMessage());
                return false;
            }
            log.info(
                    "{}: {} samples ({} packets decoded of {} read, {} seeks)",
                    video.getFileName(),
                    result.delivered(),
                    result.packetsDecoded(),
                    result.packetsRead(),
                    result.seeks());
            return true;
        } finally {
            progress.fileDone();
        }
    }

    /**
     * Puts the video's outputs in place and, with a prefix, renames the video, as one unit ({@link StagedVideo}).
     *
     * @return the rename's failure, or null
     * @throws ExtractionException when the output folder cannot be written
     */
    private ExtractionException commit(VideoRun<S> run, String prefix) throws ExtractionException {
        StagedVideo output = run.output();
        if (output == null) {
            if (prefix == null) {
                return null;
            }
            try {
                VideoRenamer.markProcessed(run.video(), prefix);
                return null;
            } catch (ExtractionException e) {
                return e;
            }
        }
        try {
            return output.commit(prefix);
        } catch (java.io.IOException e) {
            throw new ExtractionException(
                    "Cannot put the pictures of " + run.video().getFileName()
                            + " in place in output folder " + output.output().toAbsolutePath() + ": "
                            + StageFailure.describe(e));
        } finally {
            staging.forget(run.video());
        }
    }

    private void problem(Path video, String stage, String message) {
        log.warn("Skipped {} ({}): {}", video.getFileName(), stage, message);
        progress.problem(video, stage, message);
    }
}
