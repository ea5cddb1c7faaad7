package com.perfectframe.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * Which executor and which task attempt did something, for the manifest: {@code stage.partition.attempt} (attempt 0
 * is the first, a retry or a speculative copy has a higher number) plus Spark's unique task attempt id.
 */
record TaskIdentity(String executor, String attempt, int attemptNumber) {

    static TaskIdentity current() {
        TaskContext task = TaskContext.get();
        return new TaskIdentity(
                SparkEnv.get().executorId(),
                task.stageId() + "." + task.partitionId() + "." + task.attemptNumber() + "-" + task.taskAttemptId(),
                task.attemptNumber());
    }
}
