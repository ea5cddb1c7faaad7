package com.perfectframe.spark;

import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.PipelineSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The executor JVM's extractor factories, one per settings (a job has one), each loading the model once at its first
 * scoring task and reusing it for every later task of the JVM; closed when the JVM exits. Spark gives an executor no
 * other home for per-JVM state than a static holder, so this class is the module's one.
 *
 * <p>Tasks of one JVM run one at a time: the core's pipeline already uses every core for one video (decoding
 * threads, TensorFlow's own), and its model serves one job at a time. Give each executor {@code
 * spark.task.cpus = spark.executor.cores} so that Spark does not hold slots for tasks that would only wait here.
 */
final class ExecutorExtractors {

    private static final Map<PipelineSettings, ExtractorFactory> FACTORIES = new HashMap<>();
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);

    private ExecutorExtractors() {}

    static synchronized ExtractorFactory factory(PipelineSettings settings) {
        return FACTORIES.computeIfAbsent(settings, s -> {
            ExtractorFactory factory = new ExtractorFactory(s);
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close, "perfectframe-model-close"));
            return factory;
        });
    }

    /** Runs one task's extraction when no other task of this JVM is running one. */
    static <T> T exclusively(Callable<T> work) throws Exception {
        ONE_AT_A_TIME.lockInterruptibly();
        try {
            return work.call();
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }
}
