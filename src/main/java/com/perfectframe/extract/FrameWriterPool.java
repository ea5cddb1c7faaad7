package com.perfectframe.extract;

import com.perfectframe.video.BgrConverter;
import com.perfectframe.video.SampledFrame;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Worker threads that convert and write frames off the decoding thread, fed through a bounded queue.
 *
 * <p>The queue bound holds the decoder back when writing is the slower stage, so memory stays at a few frames
 * whatever the video's length. Each worker has its own pixel converter. The first write failure stops the job.
 */
final class FrameWriterPool implements AutoCloseable {

    /** Turns one frame into a file; runs on a worker thread, which owns the converter it is given. */
    interface FrameWrite {
        void write(SampledFrame frame, BgrConverter converter) throws IOException;
    }

    private record Task(SampledFrame frame, FrameWrite write) {}

    private static final Task STOP = new Task(null, null);

    private final BlockingQueue<Task> queue;
    private final Thread[] workers;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object idle = new Object();
    private int inFlight;

    FrameWriterPool(int threads, int queueCapacity) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(this::work, "frame-writer-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** Queues a frame, blocking while the queue is full. Ownership of the frame passes to the pool. */
    void submit(SampledFrame frame, FrameWrite write) throws InterruptedException {
        if (failure.get() != null) {
            frame.close();
            return;
        }
        synchronized (idle) {
            inFlight++;
        }
        try {
            queue.put(new Task(frame, write));
        } catch (InterruptedException e) {
            frame.close();
            finished();
            throw e;
        }
    }

    /** Waits until every queued frame is written; rethrows the first failure. */
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
            throw new IOException(error.getMessage(), error);
        }
    }

    private void work() {
        try (BgrConverter converter = new BgrConverter()) {
            while (true) {
                Task task = queue.take();
                if (task == STOP) {
                    return;
                }
                try (SampledFrame frame = task.frame()) {
                    if (failure.get() == null) {
                        task.write().write(frame, converter);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            try {
                queue.put(STOP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
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
