package com.perfectframe.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import com.perfectframe.extract.output.Manifest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The job's tables in the output folder, each appended to by every run (Spark's own commit protocol writes each
 * append exactly once):
 *
 * <ul>
 *   <li>{@code manifest.parquet} (and {@code manifest_csv/}): a row per picture, the single-machine manifest's columns
 *       ({@code file, source, timestamp, frame_number, score, model}) plus {@code executor} and {@code task_attempt}.
 *       A file already listed by an earlier run is not listed again. The CSV copy's cells are spreadsheet-safe as the
 *       command line's {@code manifest.csv}.
 *   <li>{@code videos.parquet}: a row per video fully processed; the next run skips these videos (the job never
 *       renames inputs).
 *   <li>{@code errors.parquet} (and {@code errors_csv/}): a row per input that failed or was cut short, with the stage
 *       and the reason; not fatal to the job, and such inputs are tried again by the next run.
 * </ul>
 */
final class OutputTables {

    static final String MANIFEST = "manifest.parquet";
    static final String MANIFEST_CSV = "manifest_csv";
    static final String VIDEOS = "videos.parquet";
    static final String ERRORS = "errors.parquet";
    static final String ERRORS_CSV = "errors_csv";

    private static final List<String> MANIFEST_COLUMNS =
            List.of("file", "source", "timestamp", "frame_number", "score", "model", "executor", "task_attempt");
    private static final List<String> ERROR_COLUMNS = List.of("source", "stage", "error", "executor", "task_attempt");

    private final SparkSession spark;
    private final String output;
    private final Configuration hadoop;

    OutputTables(SparkSession spark, String output) {
        this.spark = spark;
        this.output = output;
        this.hadoop = spark.sparkContext().hadoopConfiguration();
    }

    private String table(String name) {
        return new Path(new Path(output), name).toString();
    }

    private boolean exists(String name) {
        try {
            Path path = new Path(table(name));
            return path.getFileSystem(hadoop).exists(path);
        } catch (java.io.IOException e) {
            throw new JobException("Output folder " + output + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The videos earlier runs processed fully. */
    Set<String> doneVideos() {
        Set<String> done = new HashSet<>();
        if (exists(VIDEOS)) {
            spark.read().parquet(table(VIDEOS)).select("source").collectAsList().forEach(r -> done.add(r.getString(0)));
        }
        return done;
    }

    /**
     * Appends the pictures not listed yet (a video that was not done, run again, finds some of its pictures already
     * there); returns how many. The pictures' rows are read from the job's persisted results, without a shuffle.
     */
    long appendPictures(Dataset<Row> pictures) {
        Dataset<Row> rows = pictures.select(columns(MANIFEST_COLUMNS));
        if (exists(MANIFEST)) {
            Dataset<Row> listed = spark.read().parquet(table(MANIFEST)).select("file");
            rows = rows.join(listed, rows.col("file").equalTo(listed.col("file")), "left_anti");
        }
        long count = rows.count();
        if (count > 0) {
            rows.write().mode(SaveMode.Append).parquet(table(MANIFEST));
            spreadsheetSafe(rows, "file", "source", "model")
                    .coalesce(1)
                    .sortWithinPartitions("source", "frame_number", "file")
                    .write()
                    .mode(SaveMode.Append)
                    .option("header", "true")
                    .csv(table(MANIFEST_CSV));
        }
        return count;
    }

    void appendDone(Dataset<Row> done) {
        done.select("source", "executor", "task_attempt")
                .coalesce(1)
                .write()
                .mode(SaveMode.Append)
                .parquet(table(VIDEOS));
    }

    void appendErrors(Dataset<Row> errors) {
        Dataset<Row> rows = errors.select(columns(ERROR_COLUMNS)).coalesce(1);
        rows.write().mode(SaveMode.Append).parquet(table(ERRORS));
        spreadsheetSafe(rows, "source", "error")
                .write()
                .mode(SaveMode.Append)
                .option("header", "true")
                .csv(table(ERRORS_CSV));
    }

    /** The CSV copies' text cells as the command line's manifest.csv writes them: safe to open in a spreadsheet. */
    private static Dataset<Row> spreadsheetSafe(Dataset<Row> rows, String... columns) {
        UserDefinedFunction safe = udf((UDF1<String, String>) Manifest::spreadsheetSafe, DataTypes.StringType);
        for (String column : columns) {
            rows = rows.withColumn(column, safe.apply(col(column)));
        }
        return rows;
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(n -> col(n)).toArray(Column[]::new);
    }
}
