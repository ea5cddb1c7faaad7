package com.perfectframe.extract.stage;

import java.util.concurrent.Semaphore;

/**
 * Caps the memory held by decoded frames waiting in the pipeline. The decoder takes a share before passing a frame
 * on and blocks when the budget is spent; the share comes back when the frame is released (it lost its group, or it
 * was written).
 *
 * <p>Bounds memory by bytes rather than by frame count, so a 4K video waits with fewer frames in flight than a 720p
 * one, and the batch size never decides how much memory a job takes.
 */
public final class FrameBudget {

    private static final long UNIT = 1 << 20;

    private final Semaphore megabytes;
    private final int total;
    private final int maxShare;

    public FrameBudget(long bytes) {
        this(bytes, 1);
    }

    /**
     * @param heldBySelection frames a video's selection may hold while it waits for more (1 for the best of a group,
     *     a whole group and more for the quality gate, N for the N best): each frame's share is at most
     *     1/(heldBySelection + 1) of the budget, so frames held can never starve the frame that lets them go
     */
    public FrameBudget(long bytes, int heldBySelection) {
        int held = Math.max(1, heldBySelection);
        this.total = (int) Math.max(held + 1, bytes / UNIT);
        this.maxShare = Math.max(1, total / (held + 1));
        this.megabytes = new Semaphore(total, true);
    }

    /**
     * Waits for room for a frame of the given size; returns the share to give back. A share is capped (see {@link
     * #FrameBudget(long, int)}), so a large frame may count for less than its size: memory is then bounded by the
     * frames the selection holds rather than by the budget.
     */
    public int acquire(long frameBytes) throws InterruptedException {
        int share = (int) Math.min(maxShare, Math.max(1, (frameBytes + UNIT - 1) / UNIT));
        megabytes.acquire(share);
        return share;
    }

    public void release(int share) {
        megabytes.release(share);
    }

    public int available() {
        return megabytes.availablePermits();
    }

    /** Shares in the whole budget: {@link #available()} is back to this once every frame was released. */
    public int total() {
        return total;
    }
}
