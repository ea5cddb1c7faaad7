package com.perfectframe.video;

import com.perfectframe.platform.NativeMemory;
import com.perfectframe.video.container.FfmpegLogging;
import com.perfectframe.video.container.VideoException;
import com.perfectframe.video.container.VideoIndex;
import com.perfectframe.video.container.VideoIndexer;
import com.perfectframe.video.container.VideoInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples one frame per second of a video, decoding as little as the keyframe layout allows.
 *
 * <p>Runs on the caller's thread; FFmpeg's own decoder threads do the decoding. Frames are handed to the sink in
 * the decoder's pixel format as soon as they come out, so memory does not depend on the video's length.
 */
public final class FrameSampler implements VideoSource<SampledFrame> {

    private static final Logger log = LoggerFactory.getLogger(FrameSampler.class);

    static {
        FfmpegLogging.configure();
    }

    /** A plan that seeks for at least this share of its samples decodes keyframes independently of each other. */
    private static final double SEEK_BOUND = 0.5;

    private final int decoderThreads;
    private final int parallelRuns;
    private final DecodePlanner planner;

    /** @param decoderThreads FFmpeg decoder threads; 0 lets FFmpeg pick from the number of cores */
    public FrameSampler(int decoderThreads) {
        this(decoderThreads, 1, new DecodePlanner());
    }

    /**
     * @param decoderThreads FFmpeg decoder threads; 0 lets FFmpeg pick from the number of cores
     * @param parallelRuns decoders run side by side on videos whose samples mostly sit on keyframes (phone videos),
     *                     where FFmpeg's own threads cannot help; the sink is then called from several threads
     */
    public FrameSampler(int decoderThreads, int parallelRuns) {
        this(decoderThreads, parallelRuns, new DecodePlanner());
    }

    FrameSampler(int decoderThreads, int parallelRuns, DecodePlanner planner) {
        this.decoderThreads = decoderThreads;
        this.parallelRuns = Math.max(1, parallelRuns);
        this.planner = planner;
    }

    /** In order unless decoders run side by side, which deliver their parts' samples interleaved. */
    @Override
    public boolean deliversInOrder() {
        return parallelRuns == 1;
    }

    /**
     * Samples the video into the sink.
     *
     * @throws VideoException when the file cannot be opened or decoded at all
     */
    @Override
    public SamplingResult sample(Path video, SampleSink<SampledFrame> sink)
            throws VideoException, InterruptedException {
        try {
            return sampleOnce(video, sink);
        } finally {
            // The video's decoders are closed: their frame buffers go back to the system, not to an arena.
            NativeMemory.trim();
        }
    }

    private SamplingResult sampleOnce(Path video, SampleSink<SampledFrame> sink)
            throws VideoException, InterruptedException {
        VideoIndexer.Result indexed;
        try (VideoInput input = VideoInput.open(video)) {
            indexed = VideoIndexer.read(input);
        }
        VideoIndex index = indexed.index();
        if (index.size() == 0) {
            throw new VideoException(
                    video,
                    indexed.readError() != null
                            ? "has no readable video frames (" + indexed.readError() + ")"
                            : "has no video frames");
        }
        if (!index.hasUsablePts()) {
            log.debug("{}: no usable timestamps, decoding every frame", video.getFileName());
            return new SequentialSampling(video, decoderThreads, sink).run(index.declaredFps());
        }
        List<Sample> samples = SampleSchedule.of(index);
        int[] targets = samples.stream().mapToInt(Sample::decodeIndex).toArray();
        List<DecodePlanner.Step> plan = planner.plan(index, targets);
        sink.planned(samples.size());
        double content = indexed.contentSeconds();
        double declared = indexed.declaredSeconds();
        String truncation = truncation(indexed, content, declared);
        long seeks = plan.stream().filter(DecodePlanner.Step::seeks).count();
        int runs = seeks >= SEEK_BOUND * plan.size() ? Math.min(parallelRuns, plan.size() / 4) : 1;
        SamplingResult result = runs <= 1
                ? new PlannedRun(video, index, samples, targets, sink, decoderThreads).run(plan, truncation)
                : runInParallel(video, index, samples, targets, plan, runs, sink, truncation);
        // Every sample out: they reach as far as the frames read; otherwise as far as the last one delivered.
        double covered = result.delivered() == result.planned() && Double.isFinite(content)
                ? Math.max(content, result.coveredSeconds())
                : result.coveredSeconds();
        return result.withCoverage(covered, declared);
    }

    /**
     * "truncated at hh:mm:ss (…)" when the frames that could be read end before the file's declared duration, or
     * reading stopped on an error; null when the index reaches the end.
     */
    private static String truncation(VideoIndexer.Result indexed, double content, double declared) {
        String shortfall = SamplingResult.shortfall(content, declared);
        if (indexed.readError() == null && shortfall == null) {
            return null;
        }
        String at = Double.isFinite(content) ? "truncated at " + SamplingResult.clock(content) : "truncated";
        if (indexed.readError() != null) {
            return at + " (" + indexed.readError() + ")";
        }
        return at + " (its header says " + SamplingResult.clock(declared) + ": " + shortfall + ")";
    }

    /**
     * Splits the plan into consecutive parts decoded side by side, each with a single-threaded decoder: decoding
     * lone keyframes gives FFmpeg's frame threads nothing to overlap, so separate decoders are what uses the cores.
     */
    private SamplingResult runInParallel(
            Path video,
            VideoIndex index,
            List<Sample> samples,
            int[] targets,
            List<DecodePlanner.Step> plan,
            int runs,
            SampleSink<SampledFrame> sink,
            String truncation)
            throws VideoException, InterruptedException {
        Map<Integer, Sample> byTarget = new HashMap<>();
        samples.forEach(sample -> byTarget.put(sample.decodeIndex(), sample));
        ExecutorService pool = Executors.newFixedThreadPool(runs, r -> {
            Thread thread = new Thread(r, "decoder-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<SamplingResult>> parts = new ArrayList<>();
            int size = (plan.size() + runs - 1) / runs;
            for (int from = 0; from < plan.size(); from += size) {
                List<DecodePlanner.Step> part = new ArrayList<>(plan.subList(from, Math.min(plan.size(), from + size)));
                DecodePlanner.Step first = part.get(0);
                if (!first.seeks()) {
                    part.set(0, new DecodePlanner.Step(first.target(), DecodePlanner.keyFor(index, first.target())));
                }
                List<Sample> partSamples =
                        part.stream().map(step -> byTarget.get(step.target())).toList();
                PlannedRun run = new PlannedRun(video, index, partSamples, targets, sink, 1);
                // Only the last part reaches the end of the file, where the truncation is.
                String partTruncation = from + size >= plan.size() ? truncation : null;
                parts.add(pool.submit(() -> run.run(part, partTruncation)));
            }
            SamplingResult total = new SamplingResult(0, 0, 0, 0, 0, null, 0, Double.NaN);
            for (Future<SamplingResult> part : parts) {
                SamplingResult r = part.get();
                total = new SamplingResult(
                        total.planned() + r.planned(),
                        total.delivered() + r.delivered(),
                        total.packetsRead() + r.packetsRead(),
                        total.packetsDecoded() + r.packetsDecoded(),
                        total.seeks() + r.seeks(),
                        total.problem() != null ? total.problem() : r.problem(),
                        Math.max(total.coveredSeconds(), r.coveredSeconds()),
                        Double.NaN);
            }
            return total;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VideoException videoException) {
                throw videoException;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            stop(pool);
        }
    }

    /**
     * Stops the parallel decoders and waits for them, so that no decoder thread still hands frames to the sink
     * once {@link #sample} has returned (they stop between plan steps when interrupted).
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                log.warn("Parallel decoders are still running a minute after they were stopped");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
