package com.perfectframe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.StaticState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Spark job's classes keep no mutable static state: executors run several tasks in one JVM side by side, and
 * state shared through a static would leak between them. (Its imports are checked with the other modules' in the
 * app's {@code ArchitectureRulesTests}, which reads every module's sources.)
 */
class SparkArchitectureTests {

    @Test
    void noClassKeepsMutableStaticState() throws Exception {
        List<String> classes = StaticState.classNames(Path.of("spark/target/classes"));
        assertThat(classes).contains("com.perfectframe.spark.SparkExtractJob", "com.perfectframe.spark.VideoTasks");
        assertThat(StaticState.mutableStaticFields(classes, getClass().getClassLoader()))
                .isEmpty();
    }
}
