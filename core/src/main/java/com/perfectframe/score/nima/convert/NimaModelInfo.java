package com.perfectframe.score.nima.convert;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/**
 * What {@code model info} prints: the Keras parameter count, the input size, and the FLOPs per image counted on
 * the TensorFlow graph as built for export.
 *
 * @param parameterCount parameters of the Keras model (54,352,106 for NIMA)
 * @param inputSize side of the square input
 * @param flopsPerImage FLOPs of convolutions and matmuls for one image (2 per multiply-add)
 * @param graphOperations operations in the built graph
 */
public record NimaModelInfo(long parameterCount, int inputSize, long flopsPerImage, int graphOperations) {

    /** Builds the graph (zero weights, never run) to count its FLOPs; loads TensorFlow if needed. */
    public static NimaModelInfo compute(Path nativeCacheDir) {
        TensorflowNativeBootstrap.load(nativeCacheDir);
        Architecture architecture = Architecture.nima();
        try (Graph graph = new Graph()) {
            NimaGraphBuilder.Endpoints endpoints = NimaGraphBuilder.build(Ops.create(graph), zeros(architecture), true);
            int ops = 0;
            for (var it = graph.operations(); it.hasNext(); it.next()) {
                ops++;
            }
            return new NimaModelInfo(
                    architecture.parameterCount(), InceptionResNetV2.INPUT_SIZE, endpoints.flopsPerImage(), ops);
        }
    }

    private static KerasWeights zeros(Architecture architecture) {
        Map<String, Map<String, WeightTensor>> layers = new LinkedHashMap<>();
        for (LayerSpec layer : architecture.layers()) {
            Map<String, WeightTensor> vars = new LinkedHashMap<>();
            for (LayerSpec.WeightSpec w : layer.weights()) {
                float[] values = new float[Math.toIntExact(w.size())];
                if (w.variable().equals("moving_variance")) {
                    java.util.Arrays.fill(values, 1f);
                }
                vars.put(w.variable(), new WeightTensor(w.shape(), values));
            }
            layers.put(layer.name(), vars);
        }
        return new KerasWeights(layers, true);
    }
}
