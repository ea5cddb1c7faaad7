package com.perfectframe.bench;

import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.NimaPreprocessor;
import com.perfectframe.score.nima.NimaScorerFactory;
import com.perfectframe.score.nima.convert.ConvertedModel;
import com.perfectframe.score.nima.convert.SavedModelCache;
import com.perfectframe.score.nima.convert.SyntheticWeights;
import com.perfectframe.score.nima.convert.TensorflowNativeBootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Measures NIMA's throughput on this machine in one run: images/s per batch size, the GFLOP/s achieved, and the
 * ratio to the fp32 matmul peak measured through the same TensorFlow runtime; optionally the oneDNN bfloat16
 * rewrite (speed-up and largest score difference) and BN folding (speed-up). Run by hand, never by tests.
 */
public final class NimaBenchmark {

    /** A bfloat16 path is offered only when at least this much faster... */
    static final double BF16_MIN_SPEEDUP = 1.5;
    /** ...and its scores stay this close to fp32's. */
    static final double BF16_MAX_SCORE_DELTA = 0.05;

    /**
     * What to measure.
     *
     * @param options scorer options (weights, models folder, device)
     * @param batchSizes batch sizes to time
     * @param secondsPerBatchSize minimum timed seconds per batch size (at least two calls)
     * @param bfloat16 also measure TensorFlow's oneDNN bfloat16 auto-mixed-precision
     * @param compareBatchNorm also measure the model with BN left unfolded
     */
    public record Settings(
            NimaOptions options,
            List<Integer> batchSizes,
            double secondsPerBatchSize,
            boolean bfloat16,
            boolean compareBatchNorm) {}

    private NimaBenchmark() {}

    public static void run(Settings settings, PrintStream out) {
        NimaOptions options = settings.options();
        TensorflowNativeBootstrap.load(options.nativeCacheDir());
        Path weights = weights(options, out);
        ConvertedModel folded = SavedModelCache.ensure(options.modelsDir(), weights, true);
        if (folded.synthetic()) {
            out.println("NOTE: synthetic weights — scores are meaningless; the speed figures are real.");
        }
        double gflopsPerImage = folded.flopsPerImage() / 1e9;
        out.printf(
                "Model: NIMA InceptionResNetV2, %,d parameters, %.2f GFLOPs per %dx%d image%n",
                folded.parameterCount(), gflopsPerImage, ConvertedModel.INPUT_SIZE, ConvertedModel.INPUT_SIZE);
        double peak = MatmulPeak.measure(2048, 4, 5);
        out.printf("fp32 matmul peak through TensorFlow (2048x2048, best of 5): %.1f GFLOP/s%n", peak);

        int largest =
                settings.batchSizes().stream().mapToInt(Integer::intValue).max().orElse(16);
        List<float[]> images = randomImages(largest, 7);
        Map<Integer, Double> fp32 = new TreeMap<>();
        try (FrameScorer scorer = NimaScorerFactory.load(folded, options.forceCpu(), false)) {
            out.printf("Device: %s%n", scorer.identity().device());
            out.println("batch  images/s  ms/image  GFLOP/s  % of matmul peak");
            for (int batch : settings.batchSizes()) {
                double rate = imagesPerSecond(scorer, images.subList(0, batch), settings.secondsPerBatchSize());
                fp32.put(batch, rate);
                double gflops = rate * gflopsPerImage;
                out.printf(
                        "%5d  %8.2f  %8.1f  %7.1f  %5.1f%%%n", batch, rate, 1000 / rate, gflops, 100 * gflops / peak);
            }
            if (settings.bfloat16()) {
                bfloat16(folded, scorer, images, fp32, settings, out);
            }
        }
        double peakAfter = MatmulPeak.measure(2048, 4, 5);
        out.printf(
                "fp32 matmul peak measured again after the runs: %.1f GFLOP/s (best of both: %.1f; best NIMA"
                        + " rate is %.1f%% of it)%n",
                peakAfter,
                Math.max(peak, peakAfter),
                100
                        * gflopsPerImage
                        * fp32.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElse(0)
                        / Math.max(peak, peakAfter));
        if (settings.compareBatchNorm()) {
            ConvertedModel unfolded = SavedModelCache.ensure(options.modelsDir(), weights, false);
            int batch = fp32.keySet().stream().filter(b -> b >= 16).findFirst().orElse(largest);
            try (FrameScorer scorer = NimaScorerFactory.load(unfolded, options.forceCpu(), false)) {
                double rate = imagesPerSecond(scorer, images.subList(0, batch), settings.secondsPerBatchSize());
                out.printf(
                        "BN folded into convolutions: %.2fx the speed of unfolded BN at batch %d (%.2f vs %.2f"
                                + " images/s)%n",
                        fp32.get(batch) / rate, batch, fp32.get(batch), rate);
            }
        }
    }

    private static void bfloat16(
            ConvertedModel model,
            FrameScorer fp32Scorer,
            List<float[]> images,
            Map<Integer, Double> fp32,
            Settings settings,
            PrintStream out) {
        float[] reference = fp32Scorer.score(images);
        try (FrameScorer bf16 = NimaScorerFactory.load(model, settings.options().forceCpu(), true)) {
            float[] scores = bf16.score(images);
            double delta = 0;
            for (int i = 0; i < scores.length; i++) {
                delta = Math.max(delta, Math.abs(scores[i] - reference[i]));
            }
            List<Integer> meeting = new ArrayList<>();
            for (var entry : fp32.entrySet()) {
                int batch = entry.getKey();
                double rate = imagesPerSecond(bf16, images.subList(0, batch), settings.secondsPerBatchSize());
                double speedup = rate / entry.getValue();
                out.printf("oneDNN bfloat16 at batch %d: %.2f images/s, %.2fx fp32%n", batch, rate, speedup);
                if (speedup >= BF16_MIN_SPEEDUP && delta < BF16_MAX_SCORE_DELTA) {
                    meeting.add(batch);
                }
            }
            out.printf(
                    "bfloat16 max |Δscore| vs fp32 over %d images: %.4f; the bar (>= %.1fx and |Δ| < %.2f) is met"
                            + " at batch sizes %s%n",
                    images.size(), delta, BF16_MIN_SPEEDUP, BF16_MAX_SCORE_DELTA, meeting.isEmpty() ? "none" : meeting);
        }
    }

    private static Path weights(NimaOptions options, PrintStream out) {
        Path file = options.resolvedWeightsFile();
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path synthetic = options.modelsDir().resolve("synthetic-weights-seed1.h5");
        if (!Files.isRegularFile(synthetic)) {
            out.println("No weights at " + file + "; writing synthetic weights to " + synthetic);
            try {
                Files.createDirectories(options.modelsDir());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            SyntheticWeights.write(synthetic, 1);
        }
        return synthetic;
    }

    private static double imagesPerSecond(FrameScorer scorer, List<float[]> batch, double minSeconds) {
        scorer.score(batch); // warm-up: graph optimisation, oneDNN primitive creation
        int calls = 0;
        long start = System.nanoTime();
        double elapsed;
        do {
            scorer.score(batch);
            calls++;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < minSeconds || calls < 2);
        return calls * batch.size() / elapsed;
    }

    /** Smooth random images in [-1, 1]: content does not change the cost of a CNN, only its scores. */
    static List<float[]> randomImages(int count, long seed) {
        Random random = new Random(seed);
        List<float[]> images = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] img = new float[NimaPreprocessor.LENGTH];
            double fx = 0.01 + random.nextDouble() * 0.2;
            double fy = 0.01 + random.nextDouble() * 0.2;
            for (int i = 0; i < img.length; i++) {
                int p = i / 3;
                img[i] = (float) (0.8 * Math.sin((p % 224) * fx + i % 3) * Math.cos((p / 224) * fy)
                        + 0.2 * (random.nextFloat() * 2 - 1));
            }
            images.add(img);
        }
        return images;
    }
}
