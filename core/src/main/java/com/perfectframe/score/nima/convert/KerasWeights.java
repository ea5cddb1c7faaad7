package com.perfectframe.score.nima.convert;

import java.util.Map;

/**
 * The weights of every NIMA layer, keyed by the layer's name in a fresh Keras session ({@link LayerSpec#name()})
 * and then by variable ({@code kernel}, {@code bias}, {@code beta}, {@code moving_mean}, {@code moving_variance}).
 *
 * @param layers layer name → variable → values
 * @param synthetic true for seeded random weights, whose scores are meaningless
 */
record KerasWeights(Map<String, Map<String, WeightTensor>> layers, boolean synthetic) {

    WeightTensor get(String layer, String variable) {
        Map<String, WeightTensor> vars = layers.get(layer);
        WeightTensor t = vars == null ? null : vars.get(variable);
        if (t == null) {
            throw new IllegalStateException("No weights for " + layer + "/" + variable);
        }
        return t;
    }

    int datasetCount() {
        return layers.values().stream().mapToInt(Map::size).sum();
    }
}
