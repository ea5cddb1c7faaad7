package com.perfectframe.extract.stage;

import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a job must stop, shared by its stages: cancelled from outside, or failed in a way that stops the job (the
 * first such failure is kept). Stages check {@link #isStopped()} before each item; the job's thread waits on {@link
 * #stopped()} beside its own work.
 */
public final class JobState {

    private static final Logger log = LoggerFactory.getLogger(JobState.class);

    private final Cancellation cancellation;
    private final AtomicReference<StageFailure> failure = new AtomicReference<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    public JobState(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public boolean isStopped() {
        return failure.get() != null || cancellation.isCancelled();
    }

    /** The job cannot go on; the first failure is the one reported. */
    public void fail(StageFailure f) {
        if (failure.compareAndSet(null, f)) {
            log.warn("The job stops ({} stage): {}", f.stage(), f.getMessage());
            log.debug("Cause of the stop", f);
        }
        stopped.complete(null);
    }

    /** Completes when the job fails (a cancellation interrupts the job's thread instead). */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    /**
     * @throws CancelledException when the job was cancelled
     * @throws ExtractionException with the message of the failure that stopped the job
     */
    public void throwIfStopped() throws CancelledException, ExtractionException {
        cancellation.throwIfCancelled();
        StageFailure f = failure.get();
        if (f != null) {
            throw new ExtractionException(f.getMessage(), f);
        }
    }

    /** What a stage does with an exception its worker did not expect: it stops the job, logged with its trace. */
    public Consumer<Throwable> unexpected(StageName stage) {
        return e -> {
            log.error("Unexpected failure in the {} stage", stage, e);
            fail(StageFailure.ofJob(
                    stage, null, "internal error in the " + stage + " stage: " + StageFailure.describe(e), e));
        };
    }
}
