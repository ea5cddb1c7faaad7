package com.perfectframe.score.nima;

/**
 * How 8-bit pixels become the floats NIMA reads.
 *
 * <p>The weights (titu1994's NIMA) were trained with Keras' {@code inception_resnet_v2.preprocess_input}, which
 * scales to [-1, 1]; the original PerfectFrameAI feeds x/255 instead. Ranking is similar, scores are not.
 */
public enum Normalization {
    /** x / 127.5 − 1, in [-1, 1]: what the weights were trained with (default). */
    TRAINED,
    /** x / 255, in [0, 1]: the original tool's exact behaviour. */
    ORIGINAL;

    /** Maps one 8-bit channel value (0..255) to the model's input scale. */
    public float apply(int value) {
        return this == TRAINED ? value / 127.5f - 1f : value / 255f;
    }
}
