package com.perfectframe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A job's failure is said in one line, and TensorFlow's protobuf clash with the cluster's jars with its fix. */
class ClassPathClashTests {

    @Test
    void aProtobufLinkageErrorInsideSparksWrappersIsSaidWithItsFix() {
        Throwable task =
                new NoSuchMethodError("'void org.tensorflow.proto.framework.GraphDef.makeExtensionsImmutable()'");
        Throwable job = new IllegalStateException(
                "Exception thrown by job", new RuntimeException("Job aborted due to stage failure", task));

        assertThat(ClassPathClash.describe(job))
                .isEqualTo(ClassPathClash.MESSAGE)
                .contains("spark.executor.userClassPathFirst=true");
        assertThat(ClassPathClash.recognise(task)).isInstanceOf(ClassPathClash.class);
    }

    @Test
    void anyOtherFailureGivesTheFirstLineOfItsInnermostMessage() {
        Throwable job = new IllegalStateException(
                "Exception thrown by job",
                new RuntimeException("Job aborted: Lost task 0.0: java.io.IOException: disk full\n\tat x.y(Z.java:1)"));

        assertThat(ClassPathClash.describe(job))
                .isEqualTo("Job aborted: Lost task 0.0: java.io.IOException: disk full");
        assertThat(ClassPathClash.recognise(new NoSuchMethodError("'void other.Thing.call()'")))
                .isNotInstanceOf(ClassPathClash.class);
    }
}
