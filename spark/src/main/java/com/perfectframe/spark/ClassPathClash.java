package com.perfectframe.spark;

/**
 * TensorFlow's protobuf classes clash with the cluster's: Spark 4.0 ships protobuf-java 4.x, TensorFlow 2.10's Java
 * API needs the 3.x that the job brings, and the cluster's jars come first unless told otherwise. Said in one line,
 * with the fix, instead of a {@link NoSuchMethodError} deep in a task's stack trace.
 */
final class ClassPathClash extends RuntimeException {

    static final String MESSAGE = "TensorFlow's protobuf classes clash with the cluster's (Spark ships protobuf-java"
            + " 4.x; TensorFlow 2.10 needs the 3.x in spark-lib/): run the job with --conf"
            + " spark.driver.userClassPathFirst=true --conf spark.executor.userClassPathFirst=true"
            + " (docs/scale-out.md).";

    private ClassPathClash(Throwable cause) {
        super(MESSAGE, cause);
    }

    /** The clash, if {@code failure} is one; else {@code failure} itself. */
    static Throwable recognise(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkageError && String.valueOf(t.getMessage()).contains("org.tensorflow.proto")) {
                return new ClassPathClash(failure);
            }
        }
        return failure;
    }

    /**
     * One line for the user from a job's failure: the clash if it is one, else the first line of the innermost message
     * (Spark wraps a task's failure in "Exception thrown by job" and "Job aborted due to stage failure").
     */
    static String describe(Throwable failure) {
        if (recognise(failure) instanceof ClassPathClash) {
            return MESSAGE;
        }
        String message = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClassPathClash) {
                return MESSAGE;
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message.lines().findFirst().orElse(message);
    }
}
