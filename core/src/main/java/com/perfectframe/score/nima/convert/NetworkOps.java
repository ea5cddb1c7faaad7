package com.perfectframe.score.nima.convert;

import java.util.List;

/**
 * The Keras layers InceptionResNetV2 + NIMA head is made of, abstracted over what a "tensor" is, so that the
 * network is written once ({@link InceptionResNetV2}) and interpreted twice: to list layers and weight shapes
 * without any native code, and to build a TensorFlow graph.
 *
 * @param <T> the tensor handle of the interpretation
 */
interface NetworkOps<T> {

    /** Keras Conv2D; {@code padding} is "SAME" or "VALID". */
    T conv(T x, String name, int filters, int kernelH, int kernelW, int stride, String padding, boolean bias);

    /** Keras BatchNormalization(axis=3, scale=False, epsilon=1e-3) at inference. */
    T batchNorm(T x, String name);

    /**
     * A bias-free Conv2D immediately followed by its BatchNormalization (two Keras layers), so that an
     * interpretation may fold the normalisation into the convolution.
     */
    default T convBatchNorm(
            T x, String convName, String bnName, int filters, int kernelH, int kernelW, int stride, String padding) {
        return batchNorm(conv(x, convName, filters, kernelH, kernelW, stride, padding, false), bnName);
    }

    T relu(T x);

    T maxPool(T x, int size, int stride, String padding);

    T avgPool(T x, int size, int stride, String padding);

    /** Concatenation along channels, in the given order. */
    T concat(List<T> branches);

    /** Inception-ResNet residual: {@code x + scale * up}. */
    T scaledResidual(T x, T up, float scale);

    T globalAveragePool(T x);

    /** Keras Dense with bias and softmax activation. */
    T denseSoftmax(T x, String name, int units);
}
