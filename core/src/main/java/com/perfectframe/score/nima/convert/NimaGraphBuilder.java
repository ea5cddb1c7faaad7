package com.perfectframe.score.nima.convert;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Interprets the network as a TensorFlow graph with the weights as variables. With {@code fuseBatchNorm}, each
 * batch normalisation is folded into the convolution before it (kernel scaled per output channel, plus a bias),
 * which removes 204 ops per image; otherwise it is TensorFlow's inference FusedBatchNorm, as in Keras.
 */
final class NimaGraphBuilder implements NetworkOps<Operand<TFloat32>> {

    static final float BN_EPSILON = 1e-3f;
    static final String INPUT = ConvertedModel.INPUT_NAME;
    static final String SCORES = ConvertedModel.SCORES_NAME;
    static final String PROBABILITIES = "probabilities";

    /**
     * The graph's endpoints.
     *
     * @param input N×224×224×3 placeholder
     * @param probabilities N×10 softmax
     * @param scores N mean scores Σ i·p_i
     * @param flopsPerImage floating-point operations of convolutions and matmuls for one image (2 per multiply-add)
     */
    record Endpoints(
            Placeholder<TFloat32> input,
            Operand<TFloat32> probabilities,
            Operand<TFloat32> scores,
            long flopsPerImage,
            List<WeightInit> initializers) {}

    /** How to fill one weight variable: feed {@code values} to {@code placeholder} and run {@code assign}. */
    record WeightInit(Placeholder<TFloat32> placeholder, Assign<TFloat32> assign, Shape shape, float[] values) {}

    private final Ops tf;
    private final KerasWeights weights;
    private final boolean fuseBatchNorm;
    private final List<WeightInit> initializers = new ArrayList<>();
    private long flops;

    private NimaGraphBuilder(Ops tf, KerasWeights weights, boolean fuseBatchNorm) {
        this.tf = tf;
        this.weights = weights;
        this.fuseBatchNorm = fuseBatchNorm;
    }

    static Endpoints build(Ops tf, KerasWeights weights, boolean fuseBatchNorm) {
        NimaGraphBuilder builder = new NimaGraphBuilder(tf, weights, fuseBatchNorm);
        int size = InceptionResNetV2.INPUT_SIZE;
        Placeholder<TFloat32> input =
                tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 3)));
        Operand<TFloat32> probabilities = tf.withName(PROBABILITIES).identity(InceptionResNetV2.build(builder, input));
        float[] buckets = new float[InceptionResNetV2.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = i + 1;
        }
        Operand<TFloat32> scores =
                tf.withName(SCORES).sum(tf.math.mul(probabilities, tf.constant(buckets)), tf.constant(1));
        return new Endpoints(input, probabilities, scores, builder.flops, builder.initializers);
    }

    @Override
    public Operand<TFloat32> conv(
            Operand<TFloat32> x, String name, int filters, int kh, int kw, int stride, String padding, boolean bias) {
        WeightTensor kernel = weights.get(name, "kernel");
        Operand<TFloat32> y = conv(x, name + ".kernel", kernel.shape(), kernel.values(), stride, padding);
        return bias ? tf.nn.biasAdd(y, constant(name, "bias")) : y;
    }

    @Override
    public Operand<TFloat32> convBatchNorm(
            Operand<TFloat32> x,
            String convName,
            String bnName,
            int filters,
            int kh,
            int kw,
            int stride,
            String padding) {
        if (!fuseBatchNorm) {
            return NetworkOps.super.convBatchNorm(x, convName, bnName, filters, kh, kw, stride, padding);
        }
        WeightTensor kernel = weights.get(convName, "kernel");
        float[] beta = weights.get(bnName, "beta").values();
        float[] mean = weights.get(bnName, "moving_mean").values();
        float[] variance = weights.get(bnName, "moving_variance").values();
        int out = filters;
        double[] scale = new double[out];
        float[] bias = new float[out];
        for (int c = 0; c < out; c++) {
            scale[c] = 1.0 / Math.sqrt((double) variance[c] + BN_EPSILON);
            bias[c] = (float) (beta[c] - mean[c] * scale[c]);
        }
        float[] folded = kernel.values().clone();
        for (int i = 0; i < folded.length; i++) {
            folded[i] = (float) (folded[i] * scale[i % out]);
        }
        Operand<TFloat32> y = conv(x, convName + ".folded_kernel", kernel.shape(), folded, stride, padding);
        return tf.nn.biasAdd(y, weight(bnName + ".folded_bias", Shape.of(out), bias));
    }

    private Operand<TFloat32> conv(
            Operand<TFloat32> x, String weightName, int[] kshape, float[] values, int stride, String padding) {
        Operand<TFloat32> filter = weight(weightName, Shape.of(kshape[0], kshape[1], kshape[2], kshape[3]), values);
        Operand<TFloat32> y = tf.nn.conv2d(x, filter, List.of(1L, (long) stride, (long) stride, 1L), padding);
        Shape s = y.shape();
        flops += 2L * s.size(1) * s.size(2) * s.size(3) * kshape[0] * kshape[1] * kshape[2];
        return y;
    }

    @Override
    public Operand<TFloat32> batchNorm(Operand<TFloat32> x, String name) {
        WeightTensor beta = weights.get(name, "beta");
        float[] ones = new float[beta.values().length];
        java.util.Arrays.fill(ones, 1f);
        return tf.nn.fusedBatchNorm(
                        x,
                        weight(name + ".gamma", Shape.of(ones.length), ones),
                        constant(name, "beta"),
                        constant(name, "moving_mean"),
                        constant(name, "moving_variance"),
                        FusedBatchNorm.epsilon(BN_EPSILON),
                        FusedBatchNorm.isTraining(false))
                .y();
    }

    @Override
    public Operand<TFloat32> relu(Operand<TFloat32> x) {
        return tf.nn.relu(x);
    }

    @Override
    public Operand<TFloat32> maxPool(Operand<TFloat32> x, int size, int stride, String padding) {
        return tf.nn.maxPool(
                x, tf.constant(new int[] {1, size, size, 1}), tf.constant(new int[] {1, stride, stride, 1}), padding);
    }

    @Override
    public Operand<TFloat32> avgPool(Operand<TFloat32> x, int size, int stride, String padding) {
        return tf.nn.avgPool(
                x, List.of(1L, (long) size, (long) size, 1L), List.of(1L, (long) stride, (long) stride, 1L), padding);
    }

    @Override
    public Operand<TFloat32> concat(List<Operand<TFloat32>> branches) {
        return tf.concat(new ArrayList<>(branches), tf.constant(3));
    }

    @Override
    public Operand<TFloat32> scaledResidual(Operand<TFloat32> x, Operand<TFloat32> up, float scale) {
        return tf.math.add(x, tf.math.mul(up, tf.constant(scale)));
    }

    @Override
    public Operand<TFloat32> globalAveragePool(Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(new int[] {1, 2}), Mean.keepDims(false));
    }

    @Override
    public Operand<TFloat32> denseSoftmax(Operand<TFloat32> x, String name, int units) {
        WeightTensor kernel = weights.get(name, "kernel");
        flops += 2L * kernel.shape()[0] * kernel.shape()[1];
        Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(x, constant(name, "kernel")), constant(name, "bias"));
        return tf.nn.softmax(logits);
    }

    private Operand<TFloat32> constant(String layer, String variable) {
        WeightTensor t = weights.get(layer, variable);
        return weight(layer + "." + variable, Shape.of(t.longShape()), t.values());
    }

    /**
     * A weight as a variable filled once through a placeholder: the graph stays small (the values go to the
     * SavedModel's checkpoint), so loading and TensorFlow's graph optimisations are fast.
     */
    private Operand<TFloat32> weight(String name, Shape shape, float[] values) {
        Variable<TFloat32> variable = tf.withName(name).variable(shape, TFloat32.class);
        Placeholder<TFloat32> placeholder =
                tf.withName(name + "_init").placeholder(TFloat32.class, Placeholder.shape(shape));
        initializers.add(new WeightInit(placeholder, tf.assign(variable, placeholder), shape, values));
        return variable;
    }
}
