package com.perfectframe.score.nima.convert;

import com.perfectframe.score.ModelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the layer names found in a weights file to NIMA's layers without trusting the file's listing order:
 * explicitly named layers by name, auto-named ones ({@code conv2d_N}, {@code batch_normalization_N},
 * {@code dense_N}) by the rank of their numeric suffix, which follows creation order whatever number the saving
 * session started from.
 */
final class LayerNameResolver {

    private static final Pattern AUTO = Pattern.compile("(conv2d|batch_normalization|dense)(?:_(\\d+))?");

    private LayerNameResolver() {}

    /**
     * @param file the weights file, for messages
     * @param fileLayers names of the file's layers that carry weights
     * @param expected NIMA's layers in the order the file's auto-names were given
     * @param autoNamedInFile which of NIMA's layers the file names automatically
     * @return NIMA layer name → file layer name
     */
    static Map<String, String> resolve(
            String file,
            Collection<String> fileLayers,
            List<LayerSpec> expected,
            Predicate<LayerSpec> autoNamedInFile) {
        Map<String, String> resolved = new LinkedHashMap<>();
        Set<String> unused = new HashSet<>(fileLayers);
        Map<String, List<LayerSpec>> families = new LinkedHashMap<>();
        for (LayerSpec layer : expected) {
            if (autoNamedInFile.test(layer)) {
                families.computeIfAbsent(layer.kind().autoPrefix(), k -> new ArrayList<>())
                        .add(layer);
            } else if (unused.remove(layer.name())) {
                resolved.put(layer.name(), layer.name());
            } else {
                throw new ModelException(file + " has no layer '" + layer.name()
                        + "'; it is not a NIMA InceptionResNetV2 weights file.");
            }
        }
        families.forEach((prefix, layers) -> {
            List<String> inFile = unused.stream()
                    .filter(n -> prefixOf(n).equals(prefix))
                    .sorted(Comparator.comparingLong(LayerNameResolver::suffix))
                    .toList();
            if (inFile.size() < layers.size()) {
                throw new ModelException(file + " is missing a layer: it has " + inFile.size() + " layers named "
                        + prefix + "_N where NIMA needs " + layers.size() + " (up to '"
                        + layers.get(layers.size() - 1).name() + "' in a fresh Keras session).");
            }
            if (inFile.size() > layers.size()) {
                throw new ModelException(file + " has an extra layer '" + inFile.get(inFile.size() - 1)
                        + "': it has " + inFile.size() + " layers named " + prefix + "_N where NIMA needs "
                        + layers.size() + ".");
            }
            for (int i = 0; i < layers.size(); i++) {
                resolved.put(layers.get(i).name(), inFile.get(i));
                unused.remove(inFile.get(i));
            }
        });
        if (!unused.isEmpty()) {
            throw new ModelException(file + " has an extra layer '"
                    + unused.stream().sorted().findFirst().get() + "' with weights that NIMA does not have.");
        }
        return resolved;
    }

    private static String prefixOf(String name) {
        Matcher m = AUTO.matcher(name);
        return m.matches() ? m.group(1) : "";
    }

    private static long suffix(String name) {
        Matcher m = AUTO.matcher(name);
        return m.matches() && m.group(2) != null ? Long.parseLong(m.group(2)) : 0;
    }
}
