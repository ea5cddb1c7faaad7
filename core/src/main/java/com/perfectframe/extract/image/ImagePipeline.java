package com.perfectframe.extract.image;

import static com.perfectframe.extract.stage.StageName.PREPARE;
import static com.perfectframe.extract.stage.StageName.SCORE;

import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.ImageSelection;
import com.perfectframe.extract.select.ImageSelection.ScoredImage;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.extract.stage.StageSizes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One top-images job's pipeline: read → prepare → score → select → copy.
 *
 * <ul>
 *   <li><b>read</b> and <b>prepare</b>: {@code prepareThreads} workers each read an image file and turn it into
 *       the model's input at once, so a full-size photo never waits in a queue; failures are typed {@code read}
 *       (the file) or {@code prepare} (the picture).
 *   <li><b>score</b>: one thread scores batches of whatever is waiting and gives each score to the {@link
 *       ImageSelection}; only paths and scores are kept.
 *   <li><b>select</b> and <b>copy</b>: once every image is scored, on the job's thread: the kept images are
 *       copied byte for byte, or re-encoded, and listed in the manifest.
 * </ul>
 *
 * <p>An image that cannot be read counts against it and the job goes on; the output folder or the model failing
 * stops the job.
 */
public final class ImagePipeline {

    private static final Logger log = LoggerFactory.getLogger(ImagePipeline.class);

    /** Copies a kept image into the output folder; returns where it went. */
    interface CopyStep {
        Copied copy(Path image) throws StageFailure;
    }

    /**
     * Where a kept image is in the output folder, and whether an identical copy was already there (a rerun): that
     * one is neither written again under another name nor listed twice.
     */
    record Copied(Path path, boolean alreadyThere) {}

    /** Writes a kept image's manifest row. */
    public interface Listing {
        void list(Path written, ScoredImage image) throws StageFailure;

        /**
         * Whether the manifest lists a picture already there; one that it does not (a job killed between the copy
         * and its row) is listed by the rerun.
         */
        default boolean lists(Path written) {
            return true;
        }
    }

    /** One image on its way; closing it (once) counts it as done. */
    private final class Item implements AutoCloseable {
        final int index;
        final Path image;
        float[] input;
        private final AtomicBoolean closed = new AtomicBoolean();

        Item(int index, Path image) {
            this.index = index;
            this.image = image;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true) && remaining.decrementAndGet() == 0) {
                allDone.complete(null);
            }
        }
    }

    private final Supplier<? extends PrepareStep<Path>> preparers;
    private final BatchScorer scorer;
    private final ImageSelection selection;
    private final CopyStep copier;
    private final Listing listing;
    private final StageSizes sizes;
    private final ExtractionProgress progress;
    private final Cancellation cancellation;
    private final AtomicInteger remaining = new AtomicInteger(1);
    private final CompletableFuture<Void> allDone = new CompletableFuture<>();
    private final JobState job;

    public ImagePipeline(
            Supplier<? extends PrepareStep<Path>> preparers,
            BatchScorer scorer,
            ImageSelection selection,
            CopyStep copier,
            Listing listing,
            StageSizes sizes,
            ExtractionProgress progress,
            Cancellation cancellation) {
        this.preparers = preparers;
        this.scorer = scorer;
        this.selection = selection;
        this.copier = copier;
        this.listing = listing;
        this.sizes = sizes;
        this.progress = progress;
        this.cancellation = cancellation;
        this.job = new JobState(cancellation);
    }

    /**
     * Scores the images, selects, copies the kept ones.
     *
     * @throws ExtractionException when no image could be read, or the output folder or the model fails
     * @throws CancelledException when the job was cancelled
     */
    public ExtractionSummary run(List<Path> images, Path inputDirectory)
            throws ExtractionException, InterruptedException {
        Instant start = Instant.now();
        progress.begin(images.size());
        progress.plannedImages(images.size());
        int scored = cancellation.runInterruptibly(() -> {
            scoreAll(images);
            if (selection.scored() == 0) {
                throw new ExtractionException("None of the " + images.size() + " images in "
                        + inputDirectory.toAbsolutePath() + " could be read"
                        + progress.problems().stream()
                                .findFirst()
                                .map(p -> " (" + p.file() + ": " + p.error() + ")")
                                .orElse("")
                        + ".");
            }
            List<ScoredImage> kept = selection.select();
            for (ScoredImage image : kept) {
                job.throwIfStopped();
                copy(image);
            }
            log.info("Kept {} of {} images", kept.size(), selection.scored());
            return selection.scored();
        });
        return progress.summary(scored, start);
    }

    private void scoreAll(List<Path> images) throws ExtractionException, InterruptedException {
        int batch = sizes.inferenceBatch();
        int threads = sizes.prepareThreads();
        try (Stage<Item> score = new Stage<>(
                        SCORE, 1, 2 * batch, batch, ScoreWorker::new, job::isStopped, job.unexpected(SCORE));
                Stage<Item> prepare = new Stage<>(
                        PREPARE,
                        threads,
                        2 * threads,
                        1,
                        () -> new PrepareWorker(score),
                        job::isStopped,
                        job.unexpected(PREPARE))) {
            for (int i = 0; i < images.size(); i++) {
                job.throwIfStopped();
                remaining.incrementAndGet();
                prepare.submit(new Item(i, images.get(i)));
            }
            if (remaining.decrementAndGet() == 0) {
                allDone.complete(null);
            }
            try {
                CompletableFuture.anyOf(allDone, job.stopped()).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            job.throwIfStopped();
        }
        // Closing the stages (prepare first: it feeds scoring) joined their threads: the selection is ours now.
    }

    private void copy(ScoredImage image) throws ExtractionException, CancelledException {
        try {
            Copied copied = copier.copy(image.image());
            if (!copied.alreadyThere()) {
                listing.list(copied.path(), image);
                progress.pictureWritten();
            } else if (!listing.lists(copied.path())) {
                listing.list(copied.path(), image);
            }
        } catch (StageFailure f) {
            if (f.stopsJob()) {
                // A cancellation interrupts this thread, which a file channel reports as a write failure.
                cancellation.throwIfCancelled();
                throw new ExtractionException(f.getMessage(), f);
            }
            problem(image.image(), f);
        }
    }

    private final class PrepareWorker implements Stage.Worker<Item> {
        private final Stage<Item> score;
        private final PrepareStep<Path> step = preparers.get();

        PrepareWorker(Stage<Item> score) {
            this.score = score;
        }

        @Override
        public void process(List<Item> items) throws InterruptedException {
            Item item = items.get(0);
            progress.working(item.image);
            try {
                item.input = step.prepare(item.image, note -> progress.note(item.image, note))
                        .input();
            } catch (InterruptedException e) {
                item.close();
                throw e;
            } catch (Exception e) {
                StageFailure failure = StageFailure.typed(PREPARE, item.image, e);
                if (failure.stopsJob()) {
                    job.fail(failure);
                } else {
                    problem(item.image, failure);
                    progress.fileDone();
                }
                item.close();
                return;
            }
            score.submit(item);
        }

        @Override
        public void close() {
            step.close();
        }
    }

    private final class ScoreWorker implements Stage.Worker<Item> {

        @Override
        public void process(List<Item> items) {
            try {
                float[] scores = scorer.scoreAndRecycle(
                        items.stream().map(item -> item.input).toList());
                for (int i = 0; i < items.size(); i++) {
                    Item item = items.get(i);
                    item.input = null;
                    selection.offer(new ScoredImage(item.index, item.image, scores[i]));
                    progress.sampleDone(item.image);
                    progress.fileDone();
                }
            } catch (RuntimeException e) {
                job.fail(StageFailure.ofJob(
                        SCORE, items.get(0).image, "Scoring failed: " + StageFailure.describe(e), e));
            } finally {
                items.forEach(Item::close);
            }
        }
    }

    private void problem(Path image, StageFailure failure) {
        log.warn("Skipped {} ({}): {}", image.getFileName(), failure.stage(), failure.getMessage());
        progress.problem(image, failure.stage().id(), failure.getMessage());
    }
}
