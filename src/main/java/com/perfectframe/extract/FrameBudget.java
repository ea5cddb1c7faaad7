package com.perfectframe.extract;

import java.util.concurrent.Semaphore;

/**
 * Caps the memory held by decoded frames waiting in the pipeline. The decoder takes a share before passing a frame
 * on and blocks when the budget is spent; the share comes back when the frame is released (it lost its group, or it
 * was written).
 *
 * <p>Bounds memory by bytes rather than by frame count, so a 4K video waits with fewer frames in flight than a 720p
 * one, and the batch size never decides how much memory a job takes.
 */
final class FrameBudget {

    private static final long UNIT = 1 << 20;

    private final Semaphore megabytes;
    private final int total;

    FrameBudget(long bytes) {
        // At least two shares: the best frame held for the open group, and the frame that may replace it.
        this.total = (int) Math.max(2, bytes / UNIT);
        this.megabytes = new Semaphore(total, true);
    }

    /**
     * Waits for room for a frame of the given size; returns the share to give back. A share is at most half the
     * budget, so the best frame held for an open group can never starve the frame that would close it.
     */
    int acquire(long frameBytes) throws InterruptedException {
        int share = (int) Math.min(Math.max(1, total / 2), Math.max(1, (frameBytes + UNIT - 1) / UNIT));
        megabytes.acquire(share);
        return share;
    }

    void release(int share) {
        megabytes.release(share);
    }

    int available() {
        return megabytes.availablePermits();
    }

    /** Shares in the whole budget: {@link #available()} is back to this once every frame was released. */
    int total() {
        return total;
    }
}
