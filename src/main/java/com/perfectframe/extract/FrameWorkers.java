package com.perfectframe.extract;

import com.perfectframe.video.BgrConverter;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Worker threads that convert, prepare and write frames off the decoding thread, fed through a bounded queue.
 *
 * <p>The queue bound holds the decoder back when these stages are the slower ones. Each worker has its own pixel
 * converter. The first failure is kept and rethrown by {@link #awaitIdle()}; later work is skipped.
 */
final class FrameWorkers implements AutoCloseable {

    /** Work on one frame; runs on a worker thread with that thread's converter. */
    interface Work {
        void run(BgrConverter converter) throws Exception;
    }

    private record Task(AutoCloseable owned, Work work) {}

    private static final Task STOP = new Task(null, null);

    private final BlockingQueue<Task> queue;
    private final Thread[] workers;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object idle = new Object();
    private int inFlight;

    FrameWorkers(String name, int threads, int queueCapacity) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
        this.workers = new Thread[Math.max(1, threads)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(this::work, name + "-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /**
     * Queues work, blocking while the queue is full. The work owns {@code owned} and must release it; if the work
     * never runs or fails, the pool releases it.
     */
    void submit(AutoCloseable owned, Work work) throws InterruptedException {
        if (failure.get() != null) {
            release(owned);
            return;
        }
        synchronized (idle) {
            inFlight++;
        }
        try {
            queue.put(new Task(owned, work));
        } catch (InterruptedException e) {
            release(owned);
            finished();
            throw e;
        }
    }

    /** Waits until all queued work is done; rethrows the first failure. */
    void awaitIdle() throws InterruptedException, IOException {
        synchronized (idle) {
            while (inFlight > 0) {
                idle.wait();
            }
        }
        Throwable error = failure.get();
        if (error instanceof IOException io) {
            throw io;
        }
        if (error != null) {
            throw new IOException(error.getMessage() != null ? error.getMessage() : error.toString(), error);
        }
    }

    private void work() {
        try (BgrConverter converter = new BgrConverter()) {
            while (true) {
                Task task = queue.take();
                if (task == STOP) {
                    return;
                }
                try {
                    if (failure.get() == null) {
                        task.work().run(converter);
                    } else {
                        release(task.owned());
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    release(task.owned());
                } finally {
                    finished();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void release(AutoCloseable owned) {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (Exception ignored) {
            // Releasing native memory after a failure; the failure itself is what gets reported.
        }
    }

    private void finished() {
        synchronized (idle) {
            inFlight--;
            idle.notifyAll();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < workers.length; i++) {
            if (!queue.offer(STOP)) {
                queue.clear();
                queue.offer(STOP);
            }
        }
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
