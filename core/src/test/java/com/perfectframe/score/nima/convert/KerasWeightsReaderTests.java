package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.score.ModelException;
import com.perfectframe.testing.SyntheticModel;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasWeightsReaderTests {

    /** A few layers with NIMA's naming patterns (12 auto-named convs, so that conv2d_10 sorts after conv2d_2). */
    private static final Architecture SMALL = small();

    @TempDir
    Path dir;

    private static Architecture small() {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String suffix = i == 0 ? "" : "_" + i;
            layers.add(LayerSpec.conv("conv2d" + suffix, 3, 3, 4, 4 + i, false));
            layers.add(LayerSpec.batchNorm("batch_normalization" + suffix, 4 + i));
        }
        layers.add(LayerSpec.conv("block35_1_conv", 1, 1, 6, 4, true));
        layers.add(LayerSpec.conv("conv_7b", 1, 1, 4, 8, false));
        layers.add(LayerSpec.batchNorm("conv_7b_bn", 8));
        layers.add(LayerSpec.dense("dense", 8, 10));
        return new Architecture(layers, 0);
    }

    @Test
    void consumesEveryDatasetOfASynthesizedFile() throws Exception {
        Path file = SyntheticModel.weightsFile();
        KerasWeights read = KerasWeightsReader.read(file, Architecture.nima());
        KerasWeights expected = SyntheticWeights.generate(Architecture.nima(), SyntheticModel.SEED);
        try (HdfFile hdf = new HdfFile(file)) {
            assertThat(read.datasetCount()).isEqualTo(countDatasets(hdf)).isEqualTo(204 + 204 * 3 + 40 * 2 + 2);
        }
        assertThat(read.synthetic()).isTrue();
        assertSameValues(read, expected);
    }

    @Test
    void matchesLayersByNameAndSuffixWhateverTheListingOrderOffsetAndAttributeChunks() {
        KerasWeights weights = SyntheticWeights.generate(SMALL, 3);
        Path file = dir.resolve("w.h5");
        LegacyKerasWriter.write(file, SMALL, weights, new LegacyKerasWriter.Options(7, 99L, true, null, true));
        KerasWeights read = KerasWeightsReader.read(file, SMALL);
        assertThat(read.synthetic()).isFalse();
        assertSameValues(read, weights);
    }

    @Test
    void readsTheKeras3Layout() {
        Architecture nima = Architecture.nima();
        KerasWeights weights = SyntheticWeights.generate(nima, 5);
        Path file = dir.resolve("model.weights.h5");
        writeKeras3(file, nima, weights);
        assertSameValues(KerasWeightsReader.read(file, nima), weights);
    }

    @Test
    void namesTheLayerOfAMissingDataset() {
        KerasWeights weights = SyntheticWeights.generate(SMALL, 3);
        weights.layers().get("batch_normalization_5").remove("moving_variance");
        assertThatThrownBy(() -> readBack(weights))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("batch_normalization_5")
                .hasMessageContaining("moving_variance");
    }

    @Test
    void namesTheLayerOfAnExtraDataset() {
        KerasWeights weights = SyntheticWeights.generate(SMALL, 3);
        weights.layers().get("conv_7b_bn").put("gamma", new WeightTensor(new int[] {8}, new float[8]));
        assertThatThrownBy(() -> readBack(weights))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("conv_7b_bn")
                .hasMessageContaining("gamma");
    }

    @Test
    void namesTheLayerOfAMisshapedDataset() {
        KerasWeights weights = SyntheticWeights.generate(SMALL, 3);
        weights.layers().get("block35_1_conv").put("kernel", new WeightTensor(new int[] {1, 1, 6, 5}, new float[30]));
        assertThatThrownBy(() -> readBack(weights))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("block35_1_conv")
                .hasMessageContaining("[1, 1, 6, 5]")
                .hasMessageContaining("[1, 1, 6, 4]");
    }

    @Test
    void reportsMissingAndExtraLayers() {
        KerasWeights missing = SyntheticWeights.generate(SMALL, 3);
        missing.layers().remove("conv2d_4");
        assertThatThrownBy(() -> readBack(missing))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("missing a layer")
                .hasMessageContaining("conv2d_N");

        KerasWeights noExplicit = SyntheticWeights.generate(SMALL, 3);
        noExplicit.layers().remove("conv_7b");
        assertThatThrownBy(() -> readBack(noExplicit))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("'conv_7b'");

        KerasWeights extra = SyntheticWeights.generate(SMALL, 3);
        Architecture bigger = new Architecture(new ArrayList<>(SMALL.layers()), 0);
        bigger.layers().add(LayerSpec.conv("conv2d_12", 1, 1, 4, 4, false));
        extra.layers().put("conv2d_12", Map.of("kernel", new WeightTensor(new int[] {1, 1, 4, 4}, new float[16])));
        Path file = dir.resolve("extra.h5");
        LegacyKerasWriter.write(file, bigger, extra, LegacyKerasWriter.Options.plain());
        assertThatThrownBy(() -> KerasWeightsReader.read(file, SMALL))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("extra layer 'conv2d_12'");
    }

    @Test
    void rejectsFilesThatAreNotHdf5OrAreTruncated() throws Exception {
        Path junk = dir.resolve("junk.h5");
        Files.write(junk, "<html>rate limited</html>".getBytes());
        assertThatThrownBy(() -> KerasWeightsReader.read(junk, SMALL))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(junk.toString())
                .hasMessageContaining("not a valid HDF5 file");

        Path whole = dir.resolve("whole.h5");
        LegacyKerasWriter.write(whole, SMALL, SyntheticWeights.generate(SMALL, 3), LegacyKerasWriter.Options.plain());
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("truncated.h5");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> KerasWeightsReader.read(truncated, SMALL))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(truncated.toString());

        assertThatThrownBy(() -> KerasWeightsReader.read(dir.resolve("absent.h5"), SMALL))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("does not exist");
    }

    private KerasWeights readBack(KerasWeights weights) {
        Path file = dir.resolve("variant.h5");
        LegacyKerasWriter.write(file, SMALL, weights, new LegacyKerasWriter.Options(0, 1L, false, null, false));
        return KerasWeightsReader.read(file, SMALL);
    }

    private static void assertSameValues(KerasWeights actual, KerasWeights expected) {
        assertThat(actual.layers().keySet())
                .containsExactlyInAnyOrderElementsOf(expected.layers().keySet());
        expected.layers()
                .forEach((layer, vars) -> vars.forEach((variable, tensor) -> {
                    WeightTensor got = actual.get(layer, variable);
                    assertThat(got.shape()).as(layer + "/" + variable).isEqualTo(tensor.shape());
                    assertThat(got.values()).as(layer + "/" + variable).isEqualTo(tensor.values());
                }));
    }

    private static int countDatasets(Group group) {
        int n = 0;
        for (Node child : group) {
            if (child instanceof Dataset) {
                n++;
            } else if (child instanceof Group g) {
                n += countDatasets(g);
            }
        }
        return n;
    }

    /** Keras 3 names layers after their class, numbered in {@code model.layers} order. */
    private static void writeKeras3(Path file, Architecture architecture, KerasWeights weights) {
        Map<String, LayerSpec> byName = architecture.byName();
        Map<String, Integer> uids = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(KerasFunctionalOrder.weightedLayers());
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup layers = hdf.putGroup("layers");
            List<String> shuffled = new ArrayList<>();
            for (String name : order) {
                String prefix = byName.get(name).kind().autoPrefix();
                int uid = uids.merge(prefix, 1, Integer::sum) - 1;
                shuffled.add((uid == 0 ? prefix : prefix + "_" + uid) + "=" + name);
            }
            java.util.Collections.shuffle(shuffled, new Random(1));
            for (String entry : shuffled) {
                String[] parts = entry.split("=");
                WritableGroup vars = layers.putGroup(parts[0]).putGroup("vars");
                List<WeightTensor> tensors =
                        new ArrayList<>(weights.layers().get(parts[1]).values());
                for (int i = 0; i < tensors.size(); i++) {
                    vars.putDataset(Integer.toString(i), LegacyKerasWriter.nested(tensors.get(i)));
                }
            }
        }
    }
}
