package com.perfectframe.spark;

import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.PipelineSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * The executor JVM's extractor factories, one per settings (a job has one), each loading the model once at its first
 * scoring task and reusing it for every later task of the JVM; closed when the JVM exits. Spark gives an executor no
 * other home for per-JVM state than a static holder, so this class is the module's one.
 *
 * <p>Tasks of one JVM may run side by side (as many as {@code spark.executor.cores / spark.task.cpus}): each runs its
 * own pipeline, with its own decoders and frame budget, and they share the model, whose one inference thread runs
 * their batches in turn. Two tasks per executor let one video's decoding overlap the other's scoring, as the command
 * line overlaps consecutive videos.
 */
final class ExecutorExtractors {

    private static final Map<PipelineSettings, ExtractorFactory> FACTORIES = new HashMap<>();

    private ExecutorExtractors() {}

    static synchronized ExtractorFactory factory(PipelineSettings settings) {
        return FACTORIES.computeIfAbsent(settings, s -> {
            ExtractorFactory factory = new ExtractorFactory(s);
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close, "perfectframe-model-close"));
            return factory;
        });
    }
}
