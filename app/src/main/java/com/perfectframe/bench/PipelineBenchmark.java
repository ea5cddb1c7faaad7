package com.perfectframe.bench;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.video.FramePreparer;
import com.perfectframe.extract.video.FrameWriter;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.nima.NimaScoringModel;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SampledFrame;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the best-frames pipeline on one video: each stage alone (decode, prepare, inference, write) with the
 * thread counts the pipeline uses, then the whole job through the same {@link ExtractorFactory} the command line
 * uses, and how close the overlapped run comes to the sum of its stages.
 *
 * <p>Stages alone: decoding samples and dropping them; preparing and scoring copies of the first samples as often
 * as the video has samples; writing one picture per group. The job runs on a hard link (or copy) of the video in a
 * temporary folder, so the original is never renamed. The model is loaded once, before any timing.
 */
public final class PipelineBenchmark {

    private static final int KEPT_FRAMES = 8;

    /** What to measure. */
    public record Settings(Path video, PipelineSettings pipeline, int batchSize, int groupSize) {}

    private PipelineBenchmark() {}

    public static void run(Settings s, PrintStream out) throws Exception {
        PipelineSettings pipeline = s.pipeline();
        FrameSampler sampler = new FrameSampler(pipeline.decoderThreads());
        List<SampledFrame> kept = new ArrayList<>();
        try (ScoringModel model = NimaScoringModel.open(pipeline.model())) {
            long t0 = System.nanoTime();
            int samples = decodeOnly(sampler, s.video(), kept);
            double decode = seconds(t0);
            int winners = (samples + s.groupSize() - 1) / s.groupSize();
            out.printf(
                    Locale.ROOT,
                    "video %s: %d samples, %dx%d%n",
                    s.video().getFileName(),
                    samples,
                    kept.get(0).width(),
                    kept.get(0).height());
            t0 = System.nanoTime();
            List<float[]> inputs = prepareOnly(model, kept, samples, pipeline.prepareThreads());
            double prepare = seconds(t0);
            t0 = System.nanoTime();
            inferenceOnly(model.scorer(), inputs, samples, Math.min(s.batchSize(), pipeline.inferenceBatch()));
            double inference = seconds(t0);
            Path temp = Files.createTempDirectory("pipeline-bench");
            try {
                t0 = System.nanoTime();
                writeOnly(kept, winners, pipeline.writerThreadsFor(false), temp.resolve("write-only"));
                double write = seconds(t0);
                kept.forEach(SampledFrame::close);
                kept.clear();
                double sum = decode + prepare + inference + write;
                t0 = System.nanoTime();
                ExtractionSummary summary = endToEnd(s, model, temp);
                double whole = seconds(t0);
                out.printf(Locale.ROOT, "%-28s %8s %10s%n", "stage (alone)", "seconds", "per sample");
                row(out, "decode 1 fps samples", decode, samples);
                row(out, "prepare (BGR + Lanczos 224)", prepare, samples);
                row(out, "inference", inference, samples);
                row(out, "write best of each group", write, samples);
                row(out, "sum of stages", sum, samples);
                row(out, "end to end (overlapped)", whole, samples);
                out.printf(Locale.ROOT, "end-to-end / sum of stages: %.2f (target <= 1.10)%n", whole / sum);
                out.printf(
                        Locale.ROOT,
                        "throughput: %.2f samples/s end to end; %d pictures written%n",
                        summary.samples() / whole,
                        summary.written());
            } finally {
                deleteTree(temp);
            }
        } finally {
            kept.forEach(SampledFrame::close);
        }
    }

    private static int decodeOnly(FrameSampler sampler, Path video, List<SampledFrame> kept) throws Exception {
        int[] count = {0};
        sampler.sample(video, new SampleSink<>() {
            @Override
            public void accept(SampledFrame frame) {
                count[0]++;
                if (kept.size() < KEPT_FRAMES) {
                    kept.add(frame);
                } else {
                    frame.close();
                }
            }
        });
        return count[0];
    }

    /** Prepares {@code samples} pictures (the kept frames over and over) on {@code threads} threads. */
    private static List<float[]> prepareOnly(ScoringModel model, List<SampledFrame> kept, int samples, int threads)
            throws Exception {
        List<float[]> inputs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<float[]>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    List<float[]> mine = new ArrayList<>();
                    try (FramePreparer preparer = new FramePreparer(model.newPreparer(), true)) {
                        for (int i = first; i < samples; i += threads) {
                            float[] input = preparer.prepare(kept.get(i % kept.size()), note -> {})
                                    .input();
                            if (i < kept.size()) {
                                mine.add(input);
                            }
                        }
                    }
                    return mine;
                }));
            }
            for (Future<List<float[]>> part : parts) {
                inputs.addAll(part.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return inputs;
    }

    private static void inferenceOnly(FrameScorer scorer, List<float[]> inputs, int samples, int batch) {
        for (int done = 0; done < samples; done += batch) {
            int n = Math.min(batch, samples - done);
            List<float[]> input = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                input.add(inputs.get((done + i) % inputs.size()));
            }
            scorer.score(input);
        }
    }

    private static void writeOnly(List<SampledFrame> kept, int pictures, int threads, Path folder) throws Exception {
        Files.createDirectories(folder);
        // Written as the pipeline writes them: into a video's staging folder, listed there.
        StagedVideo staged = new OutputStaging(folder).open(kept.get(0).video());
        ImageEncoder encoder = new ImageEncoder(ImageEncoder.ImageFormat.JPG);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    try (FrameWriter writer = new FrameWriter(encoder, "bench")) {
                        for (int i = first; i < pictures; i += threads) {
                            writer.write(kept.get(i % kept.size()), 5f, staged);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
            staged.discard();
        }
    }

    private static ExtractionSummary endToEnd(Settings s, ScoringModel model, Path temp) throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        Path copy = input.resolve(s.video().getFileName());
        try {
            Files.createLink(copy, s.video().toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(s.video(), copy);
        }
        ExtractionRequest request = ExtractionRequest.builder(input, temp.resolve("out"))
                .batchSize(s.batchSize())
                .groupSize(s.groupSize())
                .build();
        ExtractorFactory factory = new ExtractorFactory(s.pipeline(), () -> model);
        return factory.forRequest(ExtractorName.BEST_FRAMES, request)
                .run(request, new ExtractionProgress(), new Cancellation());
    }

    private static void row(PrintStream out, String stage, double seconds, int samples) {
        out.printf(Locale.ROOT, "%-28s %8.2f %8.1f ms%n", stage, seconds, 1000 * seconds / Math.max(1, samples));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
