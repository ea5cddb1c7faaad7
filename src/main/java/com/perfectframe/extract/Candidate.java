package com.perfectframe.extract;

import com.perfectframe.video.SampledFrame;
import java.util.concurrent.atomic.AtomicBoolean;

/** A sampled frame waiting for its score, holding its share of the frame budget until it is released. */
final class Candidate implements AutoCloseable {

    private final SampledFrame frame;
    private final FrameBudget budget;
    private final int share;
    private final AtomicBoolean closed = new AtomicBoolean();

    Candidate(SampledFrame frame, FrameBudget budget, int share) {
        this.frame = frame;
        this.budget = budget;
        this.share = share;
    }

    SampledFrame frame() {
        return frame;
    }

    /** Bytes of a decoded frame of this size in 4:2:0, the usual decoder output. */
    static long bytesOf(SampledFrame frame) {
        return (long) frame.width() * frame.height() * 3 / 2;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            frame.close();
            budget.release(share);
        }
    }
}
