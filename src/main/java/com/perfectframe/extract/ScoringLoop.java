package com.perfectframe.extract;

import com.perfectframe.score.FrameScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The inference stage: one thread that scores prepared pictures in batches of whatever is waiting (up to the
 * maximum), so the model is never idle while work is queued and never waits to fill a batch.
 *
 * <p>Each scored item's callback runs on this thread, in arrival order.
 */
final class ScoringLoop implements AutoCloseable {

    /** What to do with a score. */
    interface OnScore {
        void accept(float score) throws Exception;
    }

    private record Item(float[] tensor, AutoCloseable owned, OnScore onScore, CountDownLatch marker) {}

    private static final Item STOP = new Item(null, null, null, null);

    private final FrameScorer scorer;
    private final Consumer<float[]> recycle;
    private final int maxBatch;
    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param recycle receives each tensor once it has been scored, for reuse */
    ScoringLoop(FrameScorer scorer, int maxBatch, Consumer<float[]> recycle) {
        this.scorer = scorer;
        this.recycle = recycle;
        this.maxBatch = Math.max(1, maxBatch);
        this.queue = new ArrayBlockingQueue<>(2 * this.maxBatch);
        this.thread = new Thread(this::loop, "scorer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a prepared picture; blocks while the queue is full. {@code owned} is released if scoring fails. */
    void submit(float[] tensor, AutoCloseable owned, OnScore onScore) throws InterruptedException {
        if (failure.get() != null) {
            close(owned);
            return;
        }
        queue.put(new Item(tensor, owned, onScore, null));
    }

    /** Waits until everything queued before this call has been scored; rethrows a scoring failure. */
    void drain() throws InterruptedException {
        CountDownLatch marker = new CountDownLatch(1);
        queue.put(new Item(null, null, null, marker));
        marker.await();
        Throwable error = failure.get();
        if (error != null) {
            throw new ScoringFailedException(error);
        }
    }

    private void loop() {
        List<Item> batch = new ArrayList<>(maxBatch);
        try {
            while (true) {
                Item first = queue.take();
                if (first == STOP) {
                    return;
                }
                batch.add(first);
                while (batch.size() < maxBatch && batch.get(batch.size() - 1).marker() == null) {
                    Item next = queue.poll();
                    if (next == null || next == STOP) {
                        if (next == STOP) {
                            queue.put(STOP);
                        }
                        break;
                    }
                    batch.add(next);
                }
                process(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(List<Item> batch) {
        List<Item> work = batch.stream().filter(i -> i.marker() == null).toList();
        if (!work.isEmpty()) {
            if (failure.get() != null) {
                work.forEach(i -> close(i.owned()));
            } else {
                try {
                    float[] scores =
                            scorer.score(work.stream().map(Item::tensor).toList());
                    work.forEach(item -> recycle.accept(item.tensor()));
                    for (int i = 0; i < work.size(); i++) {
                        work.get(i).onScore().accept(scores[i]);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    work.forEach(i -> close(i.owned()));
                }
            }
        }
        batch.stream().filter(i -> i.marker() != null).forEach(i -> i.marker().countDown());
    }

    private static void close(AutoCloseable owned) {
        try {
            if (owned != null) {
                owned.close();
            }
        } catch (Exception ignored) {
            // Releasing after a failure that is reported on its own.
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.offer(STOP);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Scoring failed; the job cannot go on. */
    static final class ScoringFailedException extends RuntimeException {
        ScoringFailedException(Throwable cause) {
            super("scoring failed: " + (cause.getMessage() != null ? cause.getMessage() : cause), cause);
        }
    }
}
