package com.perfectframe.spark;

import com.perfectframe.extract.output.ManifestRow;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What tasks send back to the driver, one row type for all: a picture written ({@code picture}), an image scored and
 * waiting for the folder-wide percentile ({@code scored}), a video done ({@code done}), or an input that failed
 * ({@code error}). The driver splits them into the output's tables ({@link OutputTables}).
 */
final class ResultRows {

    static final String PICTURE = "picture";
    static final String SCORED = "scored";
    static final String DONE = "done";
    static final String ERROR = "error";

    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, true)
            .add("source", DataTypes.StringType, false)
            .add("timestamp", DataTypes.StringType, true)
            .add("frame_number", DataTypes.LongType, true)
            .add("score", DataTypes.DoubleType, true)
            .add("model", DataTypes.StringType, true)
            .add("stage", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true)
            .add("executor", DataTypes.StringType, false)
            .add("task_attempt", DataTypes.StringType, false)
            .add("attempt_folder", DataTypes.StringType, true)
            .add("captured_at_source", DataTypes.StringType, true)
            .add("captured_at", DataTypes.StringType, true);

    private ResultRows() {}

    /** A picture committed under {@code file} (its manifest row says the name it had in the scratch folder). */
    static Row picture(ManifestRow row, String file, TaskIdentity task) {
        return row(PICTURE, row, file, task, null);
    }

    static Row scored(ManifestRow row, TaskIdentity task, String attemptFolder) {
        return row(SCORED, row, row.file(), task, attemptFolder);
    }

    private static Row row(String kind, ManifestRow row, String file, TaskIdentity task, String attemptFolder) {
        return RowFactory.create(
                kind,
                file,
                row.source(),
                row.timestamp(),
                row.frameNumber(),
                row.score(),
                row.model(),
                null,
                null,
                task.executor(),
                task.attempt(),
                attemptFolder,
                row.capturedAtSource(),
                row.capturedAt());
    }

    static Row done(String source, TaskIdentity task) {
        return outcome(DONE, source, null, null, task);
    }

    static Row error(String source, String stage, String error, TaskIdentity task) {
        return outcome(ERROR, source, stage, error, task);
    }

    /** A row that says how a source ended rather than listing a picture: its picture columns are empty. */
    private static Row outcome(String kind, String source, String stage, String error, TaskIdentity task) {
        return RowFactory.create(
                kind,
                null,
                source,
                null,
                null,
                null,
                null,
                stage,
                error,
                task.executor(),
                task.attempt(),
                null,
                null,
                null);
    }
}
