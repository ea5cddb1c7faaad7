package com.perfectframe.extract.video;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.OutputNames;
import com.perfectframe.extract.select.BestOfGroup;
import com.perfectframe.extract.select.GroupPlan;
import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.PreparedPicture;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.extract.stage.StageName;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.testing.StubScorer;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SamplingResult;
import com.perfectframe.video.VideoSample;
import com.perfectframe.video.VideoSource;
import com.perfectframe.video.container.VideoException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A video pipeline made of stubs, without native code: samples that record being closed, a source that plays a
 * script per video, and preparing, scoring and writing steps that can be told to fail, block or dawdle.
 */
final class StubVideos {

    /** A sample that counts itself alive until closed. */
    final class Sample implements VideoSample {
        final Path video;
        final int ordinal;
        final AtomicBoolean closed = new AtomicBoolean();

        Sample(Path video, int ordinal) {
            this.video = video;
            this.ordinal = ordinal;
            int now = live.incrementAndGet();
            maxLive.accumulateAndGet(now, Math::max);
            synchronized (all) {
                all.add(this);
            }
        }

        @Override
        public Path video() {
            return video;
        }

        @Override
        public int ordinal() {
            return ordinal;
        }

        @Override
        public long frameNumber() {
            return ordinal * 25L;
        }

        @Override
        public double seconds() {
            return ordinal;
        }

        @Override
        public int width() {
            return 1024;
        }

        @Override
        public int height() {
            return 512;
        }

        @Override
        public long bytes() {
            return sampleBytes;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                live.decrementAndGet();
            }
        }
    }

    /** What the source does with one video. */
    static final class Script {
        int samples = 10;
        Set<Integer> missing = Set.of();
        int failAt = -1;
        int blockAt = -1;
    }

    /** A write seen by the writer. */
    record Written(String video, int ordinal, Float score) {}

    final AtomicInteger live = new AtomicInteger();
    final AtomicInteger maxLive = new AtomicInteger();
    final List<Sample> all = new ArrayList<>();
    final List<Written> written = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Script> scripts = new HashMap<>();
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    long sampleBytes = 1 << 20;

    /** Where each step fails or blocks: "video:ordinal" keys. */
    final Set<String> prepareFails = Collections.synchronizedSet(new java.util.HashSet<>());

    final Set<String> writeFails = Collections.synchronizedSet(new java.util.HashSet<>());
    final Set<String> writeFailsJob = Collections.synchronizedSet(new java.util.HashSet<>());
    final Set<String> selectFails = Collections.synchronizedSet(new java.util.HashSet<>());
    volatile String prepareBlocks;
    volatile String scoreBlocks;
    volatile String writeBlocks;
    volatile boolean scoreFails;
    volatile long writeMillis;

    Script script(String video) {
        return scripts.computeIfAbsent(video, v -> new Script());
    }

    static String key(Path video, int ordinal) {
        return video.getFileName() + ":" + ordinal;
    }

    /** The score the stub model gives a sample: scattered, so that every group has one best. */
    static float scoreOf(int ordinal) {
        return 1 + ((ordinal * 7919L) % 900) / 100f;
    }

    private void block() throws InterruptedException {
        blocked.countDown();
        gate.await();
    }

    /** Deliver each video's samples from two threads, as parallel decoders do (out of order). */
    volatile boolean parallel;

    VideoSource<Sample> source() {
        return new VideoSource<>() {
            @Override
            public SamplingResult sample(Path video, SampleSink<Sample> sink)
                    throws VideoException, InterruptedException {
                return parallel ? playInParallel(video, sink) : play(video, sink);
            }

            @Override
            public boolean deliversInOrder() {
                return !parallel;
            }
        };
    }

    private SamplingResult playInParallel(Path video, SampleSink<Sample> sink) throws InterruptedException {
        Script script = script(video.getFileName().toString());
        sink.planned(script.samples);
        AtomicInteger delivered = new AtomicInteger();
        List<Thread> parts = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int part = 0; part < 2; part++) {
            int first = part;
            Thread thread = new Thread(() -> {
                try {
                    for (int i = first; i < script.samples; i += 2) {
                        sink.accept(new Sample(video, i));
                        delivered.incrementAndGet();
                    }
                } catch (InterruptedException | RuntimeException e) {
                    failures.add(e);
                }
            });
            thread.start();
            parts.add(thread);
        }
        for (Thread thread : parts) {
            thread.join();
        }
        if (!failures.isEmpty() && failures.get(0) instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        return new SamplingResult(script.samples, delivered.get(), 0, 0, 0, null);
    }

    private SamplingResult play(Path video, SampleSink<Sample> sink) throws VideoException, InterruptedException {
        Script script = script(video.getFileName().toString());
        sink.planned(script.samples);
        int delivered = 0;
        for (int i = 0; i < script.samples; i++) {
            if (i == script.failAt) {
                throw new VideoException(video, "is truncated at sample " + i);
            }
            if (i == script.blockAt) {
                block();
            }
            if (script.missing.contains(i)) {
                continue;
            }
            sink.accept(new Sample(video, i));
            delivered++;
        }
        String problem = delivered < script.samples
                ? (script.samples - delivered) + " of " + script.samples + " sample frames could not be decoded"
                : null;
        return new SamplingResult(script.samples, delivered, 0, 0, 0, problem);
    }

    PrepareStep<Sample> preparer() {
        return (sample, notes) -> {
            String key = key(sample.video, sample.ordinal);
            if (key.equals(prepareBlocks)) {
                block();
            }
            if (prepareFails.contains(key)) {
                throw new IllegalStateException("OpenCV(4.7.0) resize: assertion failed");
            }
            return new PreparedPicture(new float[] {sample.ordinal}, null);
        };
    }

    FrameScorer scorer() {
        return new StubScorer(input -> {
            int ordinal = (int) input[0];
            if (scoreBlocks != null && scoreBlocks.endsWith(":" + ordinal)) {
                try {
                    block();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (scoreFails) {
                throw new IllegalStateException("TensorFlow: out of memory");
            }
            return scoreOf(ordinal);
        });
    }

    /** Writes a small file per kept sample into its video's staging folder, with its manifest row, as users' runs do. */
    VideoPipeline.WriteStep<Sample> writer() {
        return (sample, score, into) -> {
            String key = key(sample.video, sample.ordinal);
            if (key.equals(writeBlocks)) {
                block();
            }
            if (writeMillis > 0) {
                Thread.sleep(writeMillis);
            }
            if (writeFails.contains(key)) {
                throw new IllegalStateException("JPEG encoding failed");
            }
            if (writeFailsJob.contains(key)) {
                throw StageFailure.ofJob(
                        StageName.WRITE, sample.video, "Cannot write to output folder out: No space left", null);
            }
            if (sample.closed.get()) {
                throw new AssertionError("wrote a released sample " + key);
            }
            String name = OutputNames.forFrame(sample.video, sample.ordinal, ".txt");
            byte[] bytes = key(sample.video, sample.ordinal).getBytes(StandardCharsets.UTF_8);
            Path file = into.write(name, channel -> channel.write(ByteBuffer.wrap(bytes)));
            into.list(
                    sample.ordinal,
                    name,
                    new Manifest.Entry(
                            file,
                            sample.video,
                            (double) sample.ordinal,
                            (long) sample.ordinal,
                            score == null ? null : score.doubleValue(),
                            "stub"));
            written.add(new Written(sample.video.getFileName().toString(), sample.ordinal, score));
        };
    }

    VideoPipeline.Selections<Sample> bestOfGroup(GroupPlan plan) {
        return (video, planned, toWriter) -> {
            BestOfGroup<Candidate<Sample>> best = new BestOfGroup<>(plan, planned, toWriter);
            if (selectFails.isEmpty()) {
                return best;
            }
            return new com.perfectframe.extract.select.FrameSelection<>() {
                @Override
                public void offer(Candidate<Sample> sample) throws InterruptedException {
                    if (selectFails.contains(key(sample.video(), sample.ordinal()))) {
                        throw new IllegalStateException("selection rule broke");
                    }
                    best.offer(sample);
                }

                @Override
                public void skipped(int ordinal) throws InterruptedException {
                    best.skipped(ordinal);
                }

                @Override
                public void finish() throws InterruptedException {
                    best.finish();
                }

                @Override
                public void discard() {
                    best.discard();
                }
            };
        };
    }

    /** Samples not released. */
    List<String> open() {
        synchronized (all) {
            return all.stream()
                    .filter(s -> !s.closed.get())
                    .map(s -> key(s.video, s.ordinal))
                    .toList();
        }
    }

    int created() {
        synchronized (all) {
            return all.size();
        }
    }
}
