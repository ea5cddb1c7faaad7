package com.perfectframe.image;

/**
 * Admits pictures into memory: the reader reserves what a picture will take before decoding it, and gives the
 * reservation back when the picture is closed. The pipeline's frame budget is one; {@link #UNBOUNDED} admits all.
 *
 * <p>It lets the caller bound how many large pictures are decoded at once without this package knowing the
 * caller's budget.
 */
@FunctionalInterface
public interface MemoryGate {

    /** Admits everything at once. */
    MemoryGate UNBOUNDED = bytes -> () -> {};

    /**
     * Waits until {@code bytes} may be held.
     *
     * @return the reservation, given back by closing it (once)
     */
    Reservation reserve(long bytes) throws InterruptedException;

    /** Memory held for one picture. */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
