package com.perfectframe.score.nima.convert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NIMA's network, written once after Keras' {@code InceptionResNetV2(include_top=False, pooling="avg")}
 * followed by Dropout(0.75) (identity at inference) and Dense(10, softmax).
 *
 * <p>Layers are created in exactly Keras' creation order, and unnamed layers get Keras' automatic names of a fresh
 * session ({@code conv2d}, {@code conv2d_1}, …, {@code batch_normalization_N}, {@code dense}), because that order
 * is how the auto-named layers of a weights file are matched.
 *
 * @param <T> the tensor handle of the interpretation
 */
final class InceptionResNetV2<T> {

    /** Side of the square input image. */
    static final int INPUT_SIZE = 224;
    /** Number of score buckets of NIMA's distribution (1..10). */
    static final int BUCKETS = 10;

    private final NetworkOps<T> ops;
    private final Map<String, Integer> uids = new HashMap<>();

    private InceptionResNetV2(NetworkOps<T> ops) {
        this.ops = ops;
    }

    /** Builds the whole network on {@code input} (N×224×224×3) and returns the softmax output (N×10). */
    static <T> T build(NetworkOps<T> ops, T input) {
        return new InceptionResNetV2<>(ops).network(input);
    }

    private T network(T input) {
        T x = conv2dBn(input, 32, 3, 3, 2, "VALID");
        x = conv2dBn(x, 32, 3, 3, 1, "VALID");
        x = conv2dBn(x, 64, 3, 3, 1, "SAME");
        x = ops.maxPool(x, 3, 2, "VALID");
        x = conv2dBn(x, 80, 1, 1, 1, "VALID");
        x = conv2dBn(x, 192, 3, 3, 1, "VALID");
        x = ops.maxPool(x, 3, 2, "VALID");

        x = mixed5b(x);
        for (int i = 1; i <= 10; i++) {
            x = block(x, 0.17f, "block35", i, true);
        }
        x = mixed6a(x);
        for (int i = 1; i <= 20; i++) {
            x = block(x, 0.1f, "block17", i, true);
        }
        x = mixed7a(x);
        for (int i = 1; i <= 9; i++) {
            x = block(x, 0.2f, "block8", i, true);
        }
        x = block(x, 1.0f, "block8", 10, false);
        x = conv2dBn(x, 1536, 1, 1, 1, "SAME", true, false, "conv_7b");
        x = ops.globalAveragePool(x);
        // Dropout(0.75) is the identity at inference.
        return ops.denseSoftmax(x, autoName("dense"), InceptionResNetV2.BUCKETS);
    }

    private T mixed5b(T x) {
        T b0 = conv2dBn(x, 96, 1, 1, 1, "SAME");
        T b1 = conv2dBn(x, 48, 1, 1, 1, "SAME");
        b1 = conv2dBn(b1, 64, 5, 5, 1, "SAME");
        T b2 = conv2dBn(x, 64, 1, 1, 1, "SAME");
        b2 = conv2dBn(b2, 96, 3, 3, 1, "SAME");
        b2 = conv2dBn(b2, 96, 3, 3, 1, "SAME");
        T pool = ops.avgPool(x, 3, 1, "SAME");
        pool = conv2dBn(pool, 64, 1, 1, 1, "SAME");
        return ops.concat(List.of(b0, b1, b2, pool));
    }

    private T mixed6a(T x) {
        T b0 = conv2dBn(x, 384, 3, 3, 2, "VALID");
        T b1 = conv2dBn(x, 256, 1, 1, 1, "SAME");
        b1 = conv2dBn(b1, 256, 3, 3, 1, "SAME");
        b1 = conv2dBn(b1, 384, 3, 3, 2, "VALID");
        T pool = ops.maxPool(x, 3, 2, "VALID");
        return ops.concat(List.of(b0, b1, pool));
    }

    private T mixed7a(T x) {
        T b0 = conv2dBn(x, 256, 1, 1, 1, "SAME");
        b0 = conv2dBn(b0, 384, 3, 3, 2, "VALID");
        T b1 = conv2dBn(x, 256, 1, 1, 1, "SAME");
        b1 = conv2dBn(b1, 288, 3, 3, 2, "VALID");
        T b2 = conv2dBn(x, 256, 1, 1, 1, "SAME");
        b2 = conv2dBn(b2, 288, 3, 3, 1, "SAME");
        b2 = conv2dBn(b2, 320, 3, 3, 2, "VALID");
        T pool = ops.maxPool(x, 3, 2, "VALID");
        return ops.concat(List.of(b0, b1, b2, pool));
    }

    /** Keras' {@code inception_resnet_block}. */
    private T block(T x, float scale, String type, int index, boolean activation) {
        List<T> branches;
        switch (type) {
            case "block35" -> {
                T b0 = conv2dBn(x, 32, 1, 1, 1, "SAME");
                T b1 = conv2dBn(x, 32, 1, 1, 1, "SAME");
                b1 = conv2dBn(b1, 32, 3, 3, 1, "SAME");
                T b2 = conv2dBn(x, 32, 1, 1, 1, "SAME");
                b2 = conv2dBn(b2, 48, 3, 3, 1, "SAME");
                b2 = conv2dBn(b2, 64, 3, 3, 1, "SAME");
                branches = List.of(b0, b1, b2);
            }
            case "block17" -> {
                T b0 = conv2dBn(x, 192, 1, 1, 1, "SAME");
                T b1 = conv2dBn(x, 128, 1, 1, 1, "SAME");
                b1 = conv2dBn(b1, 160, 1, 7, 1, "SAME");
                b1 = conv2dBn(b1, 192, 7, 1, 1, "SAME");
                branches = List.of(b0, b1);
            }
            case "block8" -> {
                T b0 = conv2dBn(x, 192, 1, 1, 1, "SAME");
                T b1 = conv2dBn(x, 192, 1, 1, 1, "SAME");
                b1 = conv2dBn(b1, 224, 1, 3, 1, "SAME");
                b1 = conv2dBn(b1, 256, 3, 1, 1, "SAME");
                branches = List.of(b0, b1);
            }
            default -> throw new IllegalArgumentException(type);
        }
        String blockName = type + "_" + index;
        T mixed = ops.concat(branches);
        int channels = channelsOf(type);
        T up = conv2dBn(mixed, channels, 1, 1, 1, "SAME", false, true, blockName + "_conv");
        T out = ops.scaledResidual(x, up, scale);
        return activation ? ops.relu(out) : out;
    }

    /** Channels of the residual stream in each block type (the input's channel count in Keras). */
    private static int channelsOf(String type) {
        return switch (type) {
            case "block35" -> 320;
            case "block17" -> 1088;
            default -> 2080;
        };
    }

    private T conv2dBn(T x, int filters, int kh, int kw, int stride, String padding) {
        return conv2dBn(x, filters, kh, kw, stride, padding, true, false, null);
    }

    /** Keras' {@code conv2d_bn}: Conv2D, then BN unless the conv has a bias, then ReLU when asked. */
    private T conv2dBn(
            T x, int filters, int kh, int kw, int stride, String padding, boolean relu, boolean bias, String name) {
        String convName = name != null ? name : autoName("conv2d");
        T y = bias
                ? ops.conv(x, convName, filters, kh, kw, stride, padding, true)
                : ops.convBatchNorm(
                        x,
                        convName,
                        name != null ? name + "_bn" : autoName("batch_normalization"),
                        filters,
                        kh,
                        kw,
                        stride,
                        padding);
        return relu ? ops.relu(y) : y;
    }

    /** Keras' automatic layer name of a fresh session: {@code prefix}, then {@code prefix_1}, … */
    private String autoName(String prefix) {
        int uid = uids.merge(prefix, 1, Integer::sum) - 1;
        return uid == 0 ? prefix : prefix + "_" + uid;
    }
}
