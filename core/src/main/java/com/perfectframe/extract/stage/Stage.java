package com.perfectframe.extract.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stage of a pipeline: worker threads taking items from one bounded queue, one item at a time or in batches
 * of whatever is waiting.
 *
 * <p>Ownership: an item given to {@link #submit} belongs to the stage until a worker's {@link Worker#process} is
 * called with it; from then on the worker owns it and must release it ({@code close}) or hand it on to the next
 * stage, whatever happens. Items still queued when the job stops, or when the stage is closed, are closed by the
 * stage. Item {@code close} methods must be idempotent.
 *
 * <p>Back-pressure: {@link #submit} blocks while the queue is full, so a slow stage holds back the ones before it
 * instead of letting memory grow.
 *
 * @param <T> the items
 */
public final class Stage<T extends AutoCloseable> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stage.class);
    private static final long JOIN_MILLIS = 30_000;

    /** What a worker thread does with the items it takes; one per thread, closed when the stage closes. */
    public interface Worker<T> extends AutoCloseable {

        /** Processes items taken together; owns them (see the class comment). */
        void process(List<T> items) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    private final StageName name;
    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final BooleanSupplier stopped;
    private final Consumer<Throwable> onUnexpected;
    private final Thread[] threads;
    private volatile boolean closed;

    /**
     * Starts the stage's threads.
     *
     * @param threads worker threads
     * @param capacity items that may wait in the queue
     * @param maxBatch most items given to one {@link Worker#process} call (1 for one at a time)
     * @param workers makes each thread's worker, on that thread
     * @param stopped true once the job stops: queued items are then closed instead of processed
     * @param onUnexpected receives what a worker throws (its items are its own business, see the class comment)
     */
    public Stage(
            StageName name,
            int threads,
            int capacity,
            int maxBatch,
            Supplier<? extends Worker<T>> workers,
            BooleanSupplier stopped,
            Consumer<Throwable> onUnexpected) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.maxBatch = Math.max(1, maxBatch);
        this.stopped = stopped;
        this.onUnexpected = onUnexpected;
        this.threads = new Thread[Math.max(1, threads)];
        for (int i = 0; i < this.threads.length; i++) {
            String threadName = this.threads.length == 1 ? name.id() : name.id() + "-" + (i + 1);
            this.threads[i] = new Thread(() -> work(workers), threadName);
            this.threads[i].setDaemon(true);
            this.threads[i].start();
        }
    }

    public StageName name() {
        return name;
    }

    /** Whether every thread of the stage has ended (after {@link #close()}, unless one was stuck). */
    public boolean terminated() {
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Queues an item, blocking while the queue is full. The stage owns the item from this call on, also when the
     * call throws.
     *
     * @throws InterruptedException when the calling thread is interrupted (the item is then closed)
     */
    public void submit(T item) throws InterruptedException {
        if (closed) {
            closeQuietly(item);
            throw new InterruptedException(name + " stage is closed");
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            closeQuietly(item);
            throw e;
        }
        if (closed) {
            drain();
        }
    }

    private void work(Supplier<? extends Worker<T>> workers) {
        Worker<T> worker = null;
        try {
            worker = workers.get();
        } catch (RuntimeException | Error e) {
            onUnexpected.accept(e);
        }
        List<T> batch = new ArrayList<>(maxBatch);
        try {
            while (!closed) {
                batch.add(queue.take());
                if (maxBatch > 1) {
                    queue.drainTo(batch, maxBatch - 1);
                }
                if (worker == null || stopped.getAsBoolean()) {
                    batch.forEach(Stage::closeQuietly);
                } else {
                    try {
                        worker.process(List.copyOf(batch));
                    } catch (InterruptedException e) {
                        batch.clear(); // the worker owned them
                        return;
                    } catch (Exception | Error e) {
                        onUnexpected.accept(e);
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            // Closing: what is left in the queue is closed by close().
        } finally {
            batch.forEach(Stage::closeQuietly);
            if (worker != null) {
                try {
                    worker.close();
                } catch (Exception e) {
                    log.debug("{} worker did not close cleanly", name, e);
                }
            }
        }
    }

    private void drain() {
        for (T item; (item = queue.poll()) != null; ) {
            closeQuietly(item);
        }
    }

    private static void closeQuietly(AutoCloseable item) {
        try {
            item.close();
        } catch (Exception e) {
            log.debug("an item did not close cleanly", e);
        }
    }

    /**
     * Stops the workers (interrupting those blocked on a full next stage, letting the one in native code finish
     * its item), waits for them, and closes every item still queued. Callers close a pipeline's stages in the
     * order of the data flow, after their producers have stopped.
     */
    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
            while (thread.isAlive() && System.nanoTime() < deadline) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (thread.isAlive()) {
                log.warn("{} did not stop within {} s", thread.getName(), JOIN_MILLIS / 1000);
            }
        }
        drain();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
