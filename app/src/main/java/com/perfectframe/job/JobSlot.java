package com.perfectframe.job;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.Extractor;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a job can run: at most one at a time, in the background, with its progress visible while it runs
 * and its outcome kept after it ends.
 *
 * <p>Taking the slot is a single compare-and-set, so simultaneous requests start exactly one job.
 */
public final class JobSlot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobSlot.class);

    private record Running(
            ExtractorName extractor, Instant startedAt, ExtractionProgress progress, Cancellation cancellation) {}

    private final AtomicReference<Running> running = new AtomicReference<>();
    private volatile JobStatus last;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "extraction-job");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts a job in the background.
     *
     * @throws JobBusyException when a job is already running
     */
    public Future<?> start(ExtractorName name, Extractor extractor, ExtractionRequest request) throws JobBusyException {
        Running job = new Running(name, Instant.now(), new ExtractionProgress(), new Cancellation());
        if (!running.compareAndSet(null, job)) {
            Running other = running.get();
            throw new JobBusyException(other != null ? other.extractor().id() : name.id());
        }
        try {
            return executor.submit(() -> run(job, extractor, request));
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
    }

    private void run(Running job, Extractor extractor, ExtractionRequest request) {
        JobStatus outcome;
        try {
            log.info("{} started on {}", job.extractor(), request.inputDirectory());
            ExtractionSummary summary = extractor.run(request, job.progress(), job.cancellation());
            outcome = finished(job, JobStatus.State.SUCCEEDED, summary, null);
            log.info("{} finished: {}", job.extractor(), summary.describe("files"));
        } catch (ExtractionException e) {
            outcome = finished(job, JobStatus.State.FAILED, null, e.getMessage());
            log.warn("{} failed: {}", job.extractor(), e.getMessage());
        } catch (CancelledException e) {
            outcome = finished(job, JobStatus.State.CANCELLED, null, "the job was cancelled");
            ExtractionProgress.Snapshot done = job.progress().snapshot();
            log.info(
                    "{} cancelled on {}: {} of {} files done, {} pictures written to {}; the file in progress was"
                            + " not renamed and nothing half-written was left",
                    job.extractor(),
                    request.inputDirectory(),
                    done.filesDone(),
                    done.filesTotal(),
                    done.picturesWritten(),
                    request.outputDirectory());
        } catch (InterruptedException e) {
            outcome = finished(job, JobStatus.State.FAILED, null, "the job was interrupted");
        } catch (RuntimeException | Error e) {
            outcome = finished(job, JobStatus.State.FAILED, null, "internal error: " + e);
            log.error("{} failed unexpectedly", job.extractor(), e);
        }
        // Publish the outcome before freeing the slot, so a reader never sees neither.
        last = outcome;
        running.set(null);
        // A cancellation that came as the job ended must not interrupt the next job on this thread.
        Thread.interrupted();
    }

    private static JobStatus finished(Running job, JobStatus.State state, ExtractionSummary summary, String error) {
        return new JobStatus(
                job.extractor(),
                state,
                job.startedAt(),
                Instant.now(),
                job.progress().snapshot(),
                summary,
                error);
    }

    /** The running job, if any. */
    public Optional<JobStatus> current() {
        Running job = running.get();
        return job == null
                ? Optional.empty()
                : Optional.of(new JobStatus(
                        job.extractor(),
                        JobStatus.State.RUNNING,
                        job.startedAt(),
                        null,
                        job.progress().snapshot(),
                        null,
                        null));
    }

    /**
     * Asks the running job to stop: it releases what it holds, renames no unfinished video, and ends as {@code
     * cancelled}; the slot is free once it has.
     *
     * @return whether a job was running
     */
    public boolean cancel() {
        Running job = running.get();
        if (job == null) {
            return false;
        }
        job.cancellation().cancel();
        return true;
    }

    /**
     * Waits until no job runs, at most {@code timeout}.
     *
     * @return whether the slot is free
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running.get() != null) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The last job that ended, if any. */
    public Optional<JobStatus> last() {
        return Optional.ofNullable(last);
    }

    /** Cancels the running job and waits (a little) for it to release what it holds. */
    @Override
    public void close() {
        cancel();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("The running job did not stop within 60 s of its cancellation");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
