package com.perfectframe.score.nima.convert;

import java.util.Arrays;
import java.util.List;

/**
 * One Keras layer that holds weights: its name in a fresh Keras session, its kind, and the datasets it must have.
 *
 * @param name Keras layer name ({@code conv2d_5}, {@code block35_1_conv}, …)
 * @param kind what the layer is, which decides its datasets
 * @param weights datasets in Keras' own order (the order of Keras 3's {@code vars/0, vars/1, …})
 */
record LayerSpec(String name, Kind kind, List<WeightSpec> weights) {

    /** Layer kinds that carry weights. */
    enum Kind {
        CONV,
        CONV_WITH_BIAS,
        BATCH_NORM,
        DENSE;

        /** Prefix of Keras' automatic names for this kind. */
        String autoPrefix() {
            return switch (this) {
                case CONV, CONV_WITH_BIAS -> "conv2d";
                case BATCH_NORM -> "batch_normalization";
                case DENSE -> "dense";
            };
        }
    }

    /** One dataset: its variable name ({@code kernel}, {@code beta}, …) and shape. */
    record WeightSpec(String variable, int[] shape) {

        long size() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WeightSpec w && w.variable.equals(variable) && Arrays.equals(w.shape, shape);
        }

        @Override
        public int hashCode() {
            return variable.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return variable + Arrays.toString(shape);
        }
    }

    static LayerSpec conv(String name, int kh, int kw, int in, int out, boolean bias) {
        WeightSpec kernel = new WeightSpec("kernel", new int[] {kh, kw, in, out});
        return bias
                ? new LayerSpec(name, Kind.CONV_WITH_BIAS, List.of(kernel, new WeightSpec("bias", new int[] {out})))
                : new LayerSpec(name, Kind.CONV, List.of(kernel));
    }

    static LayerSpec batchNorm(String name, int channels) {
        int[] c = {channels};
        return new LayerSpec(
                name,
                Kind.BATCH_NORM,
                List.of(
                        new WeightSpec("beta", c),
                        new WeightSpec("moving_mean", c),
                        new WeightSpec("moving_variance", c)));
    }

    static LayerSpec dense(String name, int in, int out) {
        return new LayerSpec(
                name,
                Kind.DENSE,
                List.of(new WeightSpec("kernel", new int[] {in, out}), new WeightSpec("bias", new int[] {out})));
    }

    /** Whether Keras named this layer automatically (so a file may carry it under another suffix). */
    boolean autoNamed() {
        String prefix = kind.autoPrefix();
        return name.equals(prefix) || name.matches(prefix + "_\\d+");
    }

    long parameterCount() {
        return weights.stream().mapToLong(WeightSpec::size).sum();
    }

    WeightSpec weight(String variable) {
        return weights.stream()
                .filter(w -> w.variable.equals(variable))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no " + variable));
    }
}
