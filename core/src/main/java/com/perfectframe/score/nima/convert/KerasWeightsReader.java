package com.perfectframe.score.nima.convert;

import com.perfectframe.score.ModelException;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads NIMA's weights from a Keras HDF5 file with jHDF (pure Java): the legacy layout of
 * {@code model.save_weights("x.h5")} / {@code model.save} (a {@code layer_names} attribute, at the root or under
 * {@code model_weights}) and Keras 3's {@code .weights.h5} ({@code layers/NAME/vars/0..}). Every layer and shape is
 * checked; problems become a {@link ModelException} naming the file and the layer.
 */
final class KerasWeightsReader {

    private KerasWeightsReader() {}

    static KerasWeights read(Path file, Architecture architecture) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("Weights file " + file + " does not exist; download it or pass --weights FILE.");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return read(hdf, file.toString(), architecture);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException(
                    "Weights file " + file + " is not a valid HDF5 file (it may be truncated or"
                            + " corrupt); download it again or pass --weights FILE.",
                    e);
        }
    }

    private static KerasWeights read(HdfFile hdf, String file, Architecture architecture) {
        boolean synthetic = hdf.getAttribute(LegacyKerasWriter.SYNTHETIC_ATTRIBUTE) != null;
        Group legacy = legacyRoot(hdf);
        if (legacy != null) {
            Map<String, Map<String, Dataset>> raw = legacyDatasets(legacy, file);
            Map<String, String> names =
                    LayerNameResolver.resolve(file, raw.keySet(), architecture.layers(), LayerSpec::autoNamed);
            return load(file, architecture, raw, names, false, synthetic);
        }
        if (hdf.getChild("layers") instanceof Group layers) {
            Map<String, Map<String, Dataset>> raw = keras3Datasets(layers);
            Map<String, LayerSpec> byName = architecture.byName();
            List<LayerSpec> order = KerasFunctionalOrder.weightedLayers().stream()
                    .map(byName::get)
                    .toList();
            Predicate<LayerSpec> all = l -> true;
            Map<String, String> names = LayerNameResolver.resolve(file, raw.keySet(), order, all);
            return load(file, architecture, raw, names, true, synthetic);
        }
        throw new ModelException("Weights file " + file + " has neither a 'layer_names' attribute nor a 'layers'"
                + " group, so it is not a Keras weights file.");
    }

    private static Group legacyRoot(HdfFile hdf) {
        if (hasAttribute(hdf, "layer_names")) {
            return hdf;
        }
        if (hdf.getChild("model_weights") instanceof Group g && hasAttribute(g, "layer_names")) {
            return g;
        }
        return null;
    }

    /** Layer (as named in its weight names) → variable → dataset, for layers that carry weights. */
    private static Map<String, Map<String, Dataset>> legacyDatasets(Group root, String file) {
        Map<String, Map<String, Dataset>> raw = new LinkedHashMap<>();
        for (String layer : strings(root, "layer_names")) {
            if (!(root.getChild(layer) instanceof Group group)) {
                throw new ModelException(file + " lists layer '" + layer + "' but has no group for it.");
            }
            for (String weightName : strings(group, "weight_names")) {
                if (!(group.getByPath(weightName) instanceof Dataset dataset)) {
                    throw new ModelException(file + ": layer '" + layer + "' has no dataset '" + weightName + "'.");
                }
                String[] parts = weightName.split("/");
                String owner = parts.length >= 2 ? parts[parts.length - 2] : layer;
                String variable = parts[parts.length - 1].replaceFirst(":\\d+$", "");
                raw.computeIfAbsent(owner, k -> new LinkedHashMap<>()).put(variable, dataset);
            }
        }
        return raw;
    }

    private static Map<String, Map<String, Dataset>> keras3Datasets(Group layers) {
        Map<String, Map<String, Dataset>> raw = new LinkedHashMap<>();
        for (Node child : layers) {
            if (child instanceof Group layer && layer.getChild("vars") instanceof Group vars) {
                Map<String, Dataset> datasets = new LinkedHashMap<>();
                for (Node v : vars) {
                    if (v instanceof Dataset d) {
                        datasets.put(v.getName(), d);
                    }
                }
                if (!datasets.isEmpty()) {
                    raw.put(layer.getName(), datasets);
                }
            }
        }
        return raw;
    }

    private static KerasWeights load(
            String file,
            Architecture architecture,
            Map<String, Map<String, Dataset>> raw,
            Map<String, String> names,
            boolean indexedVariables,
            boolean synthetic) {
        Map<String, Map<String, WeightTensor>> layers = new LinkedHashMap<>();
        for (LayerSpec layer : architecture.layers()) {
            String fileLayer = names.get(layer.name());
            Map<String, Dataset> datasets = new HashMap<>(raw.get(fileLayer));
            Map<String, WeightTensor> vars = new LinkedHashMap<>();
            for (int i = 0; i < layer.weights().size(); i++) {
                LayerSpec.WeightSpec spec = layer.weights().get(i);
                String key = indexedVariables ? Integer.toString(i) : spec.variable();
                Dataset dataset = datasets.remove(key);
                if (dataset == null) {
                    throw new ModelException(file + ": layer '" + fileLayer + "' has no '" + key + "' dataset (the "
                            + spec.variable() + " of NIMA's " + layer.name() + ").");
                }
                vars.put(spec.variable(), tensor(file, fileLayer, key, spec, dataset));
            }
            if (!datasets.isEmpty()) {
                throw new ModelException(file + ": layer '" + fileLayer + "' has an unexpected dataset '"
                        + datasets.keySet().iterator().next() + "' (NIMA's " + layer.name() + " has only "
                        + layer.weights() + ").");
            }
            layers.put(layer.name(), vars);
        }
        return new KerasWeights(layers, synthetic);
    }

    private static WeightTensor tensor(
            String file, String layer, String key, LayerSpec.WeightSpec spec, Dataset dataset) {
        if (!Arrays.equals(dataset.getDimensions(), spec.shape())) {
            throw new ModelException(file + ": dataset '" + key + "' of layer '" + layer + "' has shape "
                    + Arrays.toString(dataset.getDimensions()) + " where NIMA needs " + Arrays.toString(spec.shape())
                    + ".");
        }
        Object data = dataset.getDataFlat();
        float[] values;
        if (data instanceof float[] f) {
            values = f;
        } else if (data instanceof double[] d) {
            values = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                values[i] = (float) d[i];
            }
        } else {
            throw new ModelException(file + ": dataset '" + key + "' of layer '" + layer + "' holds "
                    + dataset.getJavaType() + " values where floats are expected.");
        }
        return new WeightTensor(spec.shape(), values);
    }

    private static boolean hasAttribute(Node node, String name) {
        return node.getAttribute(name) != null || node.getAttribute(name + "0") != null;
    }

    /**
     * A string-array attribute; Keras splits one larger than HDF5's 64 KB header limit into {@code name0},
     * {@code name1}, … and so do we when reading.
     */
    private static List<String> strings(Node node, String name) {
        if (node.getAttribute(name) != null) {
            return Arrays.asList(strings(node.getAttribute(name)));
        }
        List<String> all = new java.util.ArrayList<>();
        for (int i = 0; node.getAttribute(name + i) != null; i++) {
            all.addAll(Arrays.asList(strings(node.getAttribute(name + i))));
        }
        return all;
    }

    private static String[] strings(Attribute attribute) {
        if (attribute == null || attribute.isEmpty()) {
            return new String[0];
        }
        Object data = attribute.getData();
        if (data instanceof String[] s) {
            return s;
        }
        if (data instanceof String s) {
            return new String[] {s};
        }
        return new String[0];
    }
}
