package com.perfectframe.score.nima.convert;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes weights in the legacy Keras HDF5 layout that {@code model.save_weights("weights.h5")} produces: root
 * attributes {@code layer_names}, {@code backend}, {@code keras_version}; one group per layer with a
 * {@code weight_names} attribute; datasets at {@code layer/layer/kernel:0}. Used for synthetic weights and, with
 * its options, by tests to produce the variants real files come in.
 */
final class LegacyKerasWriter {

    /** Root attribute marking seeded random weights. */
    static final String SYNTHETIC_ATTRIBUTE = "perfectframe_synthetic";

    /**
     * How to lay the file out.
     *
     * @param autoNameOffset added to the numeric suffix of auto-named layers (a Keras session that had already
     *     created layers)
     * @param shuffleSeed when not null, {@code layer_names} is listed in a shuffled order
     * @param underModelWeights put the layers under a {@code model_weights} group, as {@code model.save} does
     * @param syntheticNote value of the synthetic marker attribute, or null for none
     * @param chunkedLayerNames split {@code layer_names} into {@code layer_names0}, {@code layer_names1}, … as
     *     Keras does for attributes over 64 KB
     */
    record Options(
            int autoNameOffset,
            Long shuffleSeed,
            boolean underModelWeights,
            String syntheticNote,
            boolean chunkedLayerNames) {
        static Options plain() {
            return new Options(0, null, false, null, false);
        }
    }

    private LegacyKerasWriter() {}

    static void write(Path file, Architecture architecture, KerasWeights weights, Options options) {
        List<LayerSpec> layers = new ArrayList<>(architecture.layers());
        if (options.shuffleSeed() != null) {
            Collections.shuffle(layers, new Random(options.shuffleSeed()));
        }
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup root = options.underModelWeights() ? hdf.putGroup("model_weights") : hdf;
            List<String> names = new ArrayList<>();
            for (LayerSpec layer : layers) {
                Map<String, WeightTensor> vars = weights.layers().get(layer.name());
                if (vars == null) {
                    continue;
                }
                String fileName = fileName(layer, options.autoNameOffset());
                names.add(fileName);
                WritableGroup group = root.putGroup(fileName);
                group.putAttribute(
                        "weight_names",
                        vars.keySet().stream()
                                .map(v -> fileName + "/" + v + ":0")
                                .toArray(String[]::new));
                WritableGroup inner = group.putGroup(fileName);
                vars.forEach((variable, tensor) -> inner.putDataset(variable + ":0", nested(tensor)));
            }
            if (options.chunkedLayerNames()) {
                int half = names.size() / 2;
                root.putAttribute("layer_names0", names.subList(0, half).toArray(String[]::new));
                root.putAttribute(
                        "layer_names1", names.subList(half, names.size()).toArray(String[]::new));
            } else {
                root.putAttribute("layer_names", names.toArray(String[]::new));
            }
            root.putAttribute("backend", "tensorflow");
            root.putAttribute("keras_version", "2.13.1");
            if (options.syntheticNote() != null) {
                hdf.putAttribute(SYNTHETIC_ATTRIBUTE, options.syntheticNote());
            }
        }
    }

    private static String fileName(LayerSpec layer, int offset) {
        if (!layer.autoNamed() || offset == 0) {
            return layer.name();
        }
        String prefix = layer.kind().autoPrefix();
        int suffix =
                layer.name().equals(prefix) ? 0 : Integer.parseInt(layer.name().substring(prefix.length() + 1));
        return prefix + "_" + (suffix + offset);
    }

    /** jHDF writes the dimensions of nested Java arrays, so flat values are reshaped. */
    static Object nested(WeightTensor t) {
        int[] s = t.shape();
        float[] v = t.values();
        return switch (s.length) {
            case 1 -> v.clone();
            case 2 -> {
                float[][] a = new float[s[0]][s[1]];
                for (int i = 0; i < s[0]; i++) {
                    System.arraycopy(v, i * s[1], a[i], 0, s[1]);
                }
                yield a;
            }
            case 4 -> {
                float[][][][] a = new float[s[0]][s[1]][s[2]][s[3]];
                int k = 0;
                for (int i = 0; i < s[0]; i++) {
                    for (int j = 0; j < s[1]; j++) {
                        for (int c = 0; c < s[2]; c++) {
                            System.arraycopy(v, k, a[i][j][c], 0, s[3]);
                            k += s[3];
                        }
                    }
                }
                yield a;
            }
            default -> throw new IllegalArgumentException("Unsupported rank " + s.length);
        };
    }
}
