package com.perfectframe.score.nima.convert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight-carrying layers of NIMA in Keras creation order, with their shapes: what a weights file must contain
 * and what the synthetic writer produces. Computed from {@link InceptionResNetV2} without native code.
 *
 * @param layers layers in creation order
 * @param multiplyAdds multiply-accumulate operations of convolutions and the dense layer per 224² image
 */
record Architecture(List<LayerSpec> layers, long multiplyAdds) {

    /** Parameters of the Keras model, non-trainable BN statistics included (Keras: 54,352,106). */
    long parameterCount() {
        return layers.stream().mapToLong(LayerSpec::parameterCount).sum();
    }

    Map<String, LayerSpec> byName() {
        Map<String, LayerSpec> map = new LinkedHashMap<>();
        layers.forEach(l -> map.put(l.name(), l));
        return map;
    }

    /** NIMA's architecture at 224×224. */
    static Architecture nima() {
        SpecRecorder recorder = new SpecRecorder();
        InceptionResNetV2.build(
                recorder, new SpecRecorder.Dims(InceptionResNetV2.INPUT_SIZE, InceptionResNetV2.INPUT_SIZE, 3));
        return new Architecture(List.copyOf(recorder.layers()), recorder.multiplyAdds());
    }
}
