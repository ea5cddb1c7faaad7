package com.perfectframe.extract.run;

import java.util.HashMap;
import java.util.Map;

/**
 * Stops a job from outside: every stage checks it between items, and {@link #cancel()} interrupts the threads that
 * asked for it, so that a thread blocked on a full queue, the frame budget or a decoder wakes up at once.
 *
 * <p>A cancelled job releases every frame it holds, leaves no temporary file and renames no video it had not
 * finished.
 */
public final class Cancellation {

    /** Threads to interrupt, with how many registrations each holds (registrations nest). */
    private final Map<Thread, Integer> interruptible = new HashMap<>();

    private volatile boolean cancelled;

    /** Asks the job to stop; idempotent. */
    public void cancel() {
        synchronized (interruptible) {
            cancelled = true;
            interruptible.keySet().forEach(Thread::interrupt);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancelledException when the job was cancelled */
    public void throwIfCancelled() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /**
     * Interrupts the calling thread when the job is cancelled, until the returned registration is closed; after the
     * last of a thread's (nested) registrations is closed, this job never interrupts it again.
     */
    public Registration interruptOnCancel() {
        Thread thread = Thread.currentThread();
        synchronized (interruptible) {
            interruptible.merge(thread, 1, Integer::sum);
            if (cancelled) {
                thread.interrupt();
            }
        }
        return () -> {
            synchronized (interruptible) {
                interruptible.computeIfPresent(thread, (t, count) -> count > 1 ? count - 1 : null);
            }
        };
    }

    /**
     * Runs a job's body on the calling thread, interruptible by a cancellation from its first step on. An
     * interruption that a cancellation caused comes out as a {@link CancelledException}, however the body reported
     * it, so that callers can tell "cancelled" from any other interruption.
     */
    public <T> T runInterruptibly(Body<T> body) throws ExtractionException, InterruptedException {
        try (Registration registration = interruptOnCancel()) {
            throwIfCancelled();
            return body.run();
        } catch (InterruptedException e) {
            if (cancelled && !(e instanceof CancelledException)) {
                throw new CancelledException();
            }
            throw e;
        }
    }

    /** A job's body, for {@link #runInterruptibly}. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws ExtractionException, InterruptedException;
    }

    /** Ends an {@link #interruptOnCancel()} registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
