package com.perfectframe.spark;

import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.NimaScoringModel;
import java.util.HashMap;
import java.util.Map;

/**
 * The executor JVM's extractor factories, one per settings and model (a job has one of each), each loading the model once at its first
 * scoring task and reusing it for every later task of the JVM; closed when the JVM exits. Spark gives an executor no
 * other home for per-JVM state than a static holder, so this class is the module's one.
 *
 * <p>Tasks of one JVM may run side by side (as many as {@code spark.executor.cores / spark.task.cpus}): each runs its
 * own pipeline, with its own decoders and frame budget, and they share the model, whose one inference thread runs
 * their batches in turn. Two tasks per executor let one video's decoding overlap the other's scoring, as the command
 * line overlaps consecutive videos.
 */
final class ExecutorExtractors {

    private static final Map<Key, ExtractorFactory> FACTORIES = new HashMap<>();

    private record Key(PipelineSettings settings, NimaOptions model) {}

    private ExecutorExtractors() {}

    static synchronized ExtractorFactory factory(PipelineSettings settings, NimaOptions model) {
        return FACTORIES.computeIfAbsent(new Key(settings, model), key -> {
            ExtractorFactory factory =
                    ExtractorFactory.loading(key.settings(), () -> NimaScoringModel.open(key.model()));
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close, "perfectframe-model-close"));
            return factory;
        });
    }
}
