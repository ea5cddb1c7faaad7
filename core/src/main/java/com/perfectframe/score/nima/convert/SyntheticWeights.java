package com.perfectframe.score.nima.convert;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random NIMA weights in the exact legacy Keras layout, so that tests, benchmarks and offline demos run the
 * real architecture and the real loading code without the real weights. The file is marked synthetic, and every
 * score computed from it is meaningless.
 *
 * <p>Scales keep activations finite through the 244 convolutions and the softmax away from one-hot: He-normal
 * kernels, BN statistics close to (0, 1), small biases, and a dense kernel small enough (the pooled features are
 * a few units large) that the ten probabilities stay spread and scores land inside [1, 10].
 */
public final class SyntheticWeights {

    private SyntheticWeights() {}

    /** Writes seeded random weights to {@code file} (about 220 MB). */
    public static void write(Path file, long seed) {
        Architecture architecture = Architecture.nima();
        LegacyKerasWriter.write(
                file,
                architecture,
                generate(architecture, seed),
                new LegacyKerasWriter.Options(
                        0, null, false, "seed=" + seed + "; random weights: scores are meaningless", false));
    }

    static KerasWeights generate(Architecture architecture, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Map<String, WeightTensor>> layers = new LinkedHashMap<>();
        for (LayerSpec layer : architecture.layers()) {
            Map<String, WeightTensor> vars = new LinkedHashMap<>();
            for (LayerSpec.WeightSpec w : layer.weights()) {
                vars.put(w.variable(), new WeightTensor(w.shape(), values(layer, w, random)));
            }
            layers.put(layer.name(), vars);
        }
        return new KerasWeights(layers, true);
    }

    private static float[] values(LayerSpec layer, LayerSpec.WeightSpec w, SplittableRandom random) {
        float[] v = new float[Math.toIntExact(w.size())];
        int[] s = w.shape();
        switch (w.variable()) {
            case "kernel" -> {
                int fanIn = s.length == 4 ? s[0] * s[1] * s[2] : s[0];
                double gain =
                        layer.kind() == LayerSpec.Kind.DENSE ? 0.04 : layer.kind() == LayerSpec.Kind.CONV ? 2.0 : 1.0;
                double std = Math.sqrt(gain / fanIn);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (random.nextGaussian() * std);
                }
            }
            case "bias", "beta" -> fill(v, random, -0.1, 0.1);
            case "moving_mean" -> fill(v, random, -0.2, 0.2);
            case "moving_variance" -> fill(v, random, 0.5, 1.5);
            default -> throw new IllegalArgumentException(w.variable());
        }
        return v;
    }

    private static void fill(float[] v, SplittableRandom random, double from, double to) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(from, to);
        }
    }
}
