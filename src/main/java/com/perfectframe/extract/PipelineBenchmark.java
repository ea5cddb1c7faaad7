package com.perfectframe.extract;

import com.perfectframe.image.ImageEncoder;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.ScoringModelProvider;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SampledFrame;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Measures the best-frames pipeline on one video: each stage alone (decode, prepare, inference, write), then the
 * whole job, and how close the overlapped run comes to the sum of its stages.
 *
 * <p>Stages alone: decoding samples and dropping them; preparing and scoring copies of the first samples as often
 * as the video has samples; writing one picture per group. The job runs on a hard link (or copy) of the video in a
 * temporary folder, so the original is never renamed.
 */
public final class PipelineBenchmark {

    private static final int KEPT_FRAMES = 8;

    /** What to measure. */
    public record Settings(
            Path video, ScoringModelProvider models, BestFramesExtractor.Tuning tuning, int batchSize, int groupSize) {}

    private PipelineBenchmark() {}

    public static void run(Settings s, PrintStream out) throws Exception {
        FrameSampler sampler = new FrameSampler(0);
        List<SampledFrame> kept = new ArrayList<>();
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
        try (ScoringModel model = s.models().open()) {
            List<float[]> tensors = new ArrayList<>();
            t0 = System.nanoTime();
            prepareOnly(model, kept, samples, s.tuning().workerThreads(), tensors);
            double prepare = seconds(t0);
            t0 = System.nanoTime();
            inferenceOnly(
                    model.scorer(),
                    tensors,
                    samples,
                    Math.min(s.batchSize(), s.tuning().maxInferenceBatch()));
            double inference = seconds(t0);
            Path temp = Files.createTempDirectory("pipeline-bench");
            try {
                t0 = System.nanoTime();
                writeOnly(kept, winners, s.tuning().workerThreads(), temp.resolve("write-only"));
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
                out.printf(Locale.ROOT, "end-to-end / sum of stages: %.2f (target <= 1.15)%n", whole / sum);
                out.printf(
                        Locale.ROOT,
                        "throughput: %.2f samples/s end to end; %d pictures written%n",
                        summary.samples() / whole,
                        summary.written());
            } finally {
                deleteTree(temp);
            }
        }
    }

    private static int decodeOnly(FrameSampler sampler, Path video, List<SampledFrame> kept) throws Exception {
        int[] count = {0};
        sampler.sample(video, new SampleSink() {
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

    private static void prepareOnly(
            ScoringModel model, List<SampledFrame> kept, int samples, int threads, List<float[]> tensors)
            throws Exception {
        try (FrameWorkers workers = new FrameWorkers("bench-prepare", threads, 2 * threads)) {
            for (int i = 0; i < samples; i++) {
                SampledFrame frame = kept.get(i % kept.size());
                boolean keep = i < kept.size();
                workers.submit(null, converter -> {
                    try (Mat bgr = converter.toBgr(frame.frame())) {
                        float[] tensor = model.prepare(bgr);
                        if (keep) {
                            synchronized (tensors) {
                                tensors.add(tensor);
                            }
                        }
                    }
                });
            }
            workers.awaitIdle();
        }
    }

    private static void inferenceOnly(FrameScorer scorer, List<float[]> tensors, int samples, int batch) {
        for (int done = 0; done < samples; done += batch) {
            int n = Math.min(batch, samples - done);
            List<float[]> input = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                input.add(tensors.get((done + i) % tensors.size()));
            }
            scorer.score(input);
        }
    }

    private static void writeOnly(List<SampledFrame> kept, int pictures, int threads, Path folder) throws Exception {
        Files.createDirectories(folder);
        Manifest manifest = new Manifest(folder);
        ImageEncoder encoder = new ImageEncoder(ImageEncoder.ImageFormat.JPG);
        try (FrameWorkers workers = new FrameWorkers("bench-write", threads, 2 * threads)) {
            for (int i = 0; i < pictures; i++) {
                SampledFrame frame = kept.get(i % kept.size());
                workers.submit(
                        null,
                        converter -> FrameOutput.write(frame, converter, encoder, folder, manifest, 5.0, "bench"));
            }
            workers.awaitIdle();
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
        ExtractionRequest defaults = ExtractionRequest.defaults(input, temp.resolve("out"));
        ExtractionRequest request = new ExtractionRequest(
                input,
                temp.resolve("out"),
                false,
                s.batchSize(),
                s.groupSize(),
                90,
                defaults.outputFormat(),
                defaults.videoExtensions(),
                defaults.imageExtensions(),
                defaults.processedVideoPrefix(),
                false);
        ScoringModelProvider sameModel = () -> new ScoringModel() {
            @Override
            public float[] prepare(Mat bgr) {
                return model.prepare(bgr);
            }

            @Override
            public FrameScorer scorer() {
                return model.scorer();
            }

            @Override
            public void close() {
                // The benchmark closes the model itself.
            }
        };
        return new BestFramesExtractor(new FrameSampler(0), sameModel, s.tuning())
                .run(request, new ExtractionProgress());
    }

    private static void row(PrintStream out, String stage, double seconds, int samples) {
        out.printf(Locale.ROOT, "%-28s %8.2f %8.1f ms%n", stage, seconds, 1000 * seconds / Math.max(1, samples));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
