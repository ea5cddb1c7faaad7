package com.perfectframe.spark;

import static org.apache.spark.sql.functions.col;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.select.Percentile;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The driver's side of a job: lists the inputs, hands them to the executors (one video per task, largest first; a
 * share of images per task), collects what the tasks report, and appends it to the output's tables. For {@code
 * top_images} it also takes the percentile over the whole folder and commits the images at or above it.
 */
final class ArchiveJob {

    private final SparkSession spark;
    private final JobArguments arguments;
    private final AttemptHook hook;

    ArchiveJob(SparkSession spark, JobArguments arguments) {
        this(spark, arguments, AttemptHook.NONE);
    }

    /** @param hook what video tasks do between upload and commit (tests make a first attempt fail there) */
    ArchiveJob(SparkSession spark, JobArguments arguments, AttemptHook hook) {
        this.spark = spark;
        this.arguments = arguments;
        this.hook = hook;
    }

    JobReport run() {
        Instant start = Instant.now();
        JobCommand command = arguments.parse();
        ExtractionRequest shape = command.request(java.nio.file.Path.of("in"), java.nio.file.Path.of("out"));
        Configuration configuration = spark.sparkContext().hadoopConfiguration();
        HadoopConf hadoop = HadoopConf.of(configuration);
        OutputTables tables = new OutputTables(spark, command.output());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        boolean videos = command.extractor() == ExtractorName.BEST_FRAMES;

        Set<String> done = videos ? tables.doneVideos() : Set.of();
        List<InputFile> inputs = InputListing.list(
                command.input(),
                configuration,
                videos ? shape.inputs().videoExtensions() : shape.inputs().imageExtensions(),
                videos ? shape.inputs().processedVideoPrefix() : null,
                done);
        String unit = videos ? "videos" : "images";
        if (inputs.isEmpty()) {
            if (done.isEmpty()) {
                throw new JobException("No " + unit + " in " + command.input() + " (looked for "
                        + String.join(
                                " ",
                                videos
                                        ? shape.inputs().videoExtensions()
                                        : shape.inputs().imageExtensions())
                        + ").");
            }
            return new JobReport(unit, 0, 0, 0, 0, Duration.between(start, Instant.now()));
        }

        JavaRDD<Row> rows = videos
                ? context.parallelize(inputs, inputs.size())
                        .mapPartitions(new VideoTasks(arguments, command.output(), hadoop, hook))
                : shares(context, ImageShares.of(inputs, ((JobCommand.TopImages) command).imagesPerTask))
                        .mapPartitions(new ImageTasks(arguments, command.output(), hadoop));
        context.setJobDescription("PerfectFrame " + arguments.command() + " on " + inputs.size() + " " + unit);
        // The tasks run once, now; the tables below read their persisted rows. Meanwhile the driver, idle otherwise,
        // sets Spark SQL up for those tables (seconds of planning and code generation the first time).
        rows.persist(StorageLevel.MEMORY_AND_DISK());
        JavaFutureAction<Long> tasks = rows.countAsync();
        spark.createDataFrame(List.of(), ResultRows.SCHEMA)
                .filter(col("kind").equalTo(ResultRows.PICTURE))
                .count();
        Dataset<Row> results = spark.createDataFrame(rows, ResultRows.SCHEMA);
        try {
            await(tasks);
            // One or two rows per input: small enough for the driver, whatever the archive's size.
            List<Row> outcomes = results.filter(col("kind").isin(ResultRows.DONE, ResultRows.ERROR))
                    .collectAsList();
            Dataset<Row> pictures = videos
                    ? results.filter(col("kind").equalTo(ResultRows.PICTURE))
                    : commitTopImages(results, ((JobCommand.TopImages) command).percent(), command.output());
            long added = tables.appendPictures(pictures);
            List<Row> errors = outcomes.stream()
                    .filter(r -> ResultRows.ERROR.equals(r.getString(0)))
                    .toList();
            long failed = errors.stream().map(r -> r.getAs("source")).distinct().count();
            if (failed > 0) {
                tables.appendErrors(spark.createDataFrame(errors, ResultRows.SCHEMA));
            }
            List<Row> finished = outcomes.stream()
                    .filter(r -> ResultRows.DONE.equals(r.getString(0)))
                    .toList();
            long processed = videos
                    ? finished.size()
                    : results.filter(col("kind").equalTo(ResultRows.SCORED)).count();
            if (!finished.isEmpty()) {
                tables.appendDone(spark.createDataFrame(finished, ResultRows.SCHEMA));
            }
            return new JobReport(unit, inputs.size(), processed, failed, added, Duration.between(start, Instant.now()));
        } finally {
            rows.unpersist();
            try {
                AttemptFolder.discardAll(command.output(), configuration);
            } catch (IOException e) {
                // Left for the next run, which discards them too.
            }
        }
    }

    private static JavaRDD<List<InputFile>> shares(JavaSparkContext context, List<List<InputFile>> shares) {
        return context.parallelize(shares, shares.size());
    }

    private static void await(JavaFutureAction<Long> tasks) {
        try {
            tasks.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tasks.cancel(true);
            throw new JobException("interrupted", e);
        } catch (ExecutionException e) {
            throw new JobException("the job failed: " + ClassPathClash.describe(e.getCause()), e.getCause());
        }
    }

    /**
     * The folder-wide percentile, as the command line takes it: the images scoring at or above it are moved from the
     * attempt folder that scored them to their final names; returns their manifest rows.
     */
    private Dataset<Row> commitTopImages(Dataset<Row> results, double percent, String output) {
        List<Row> scored =
                results.filter(col("kind").equalTo(ResultRows.SCORED)).collectAsList();
        float[] scores = new float[scored.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) scored.get(i).getDouble(scored.get(i).fieldIndex("score"));
        }
        List<Row> kept = new ArrayList<>();
        if (scores.length > 0) {
            double threshold = Percentile.of(scores, percent);
            try {
                FileSystem fs =
                        new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
                for (int i = 0; i < scores.length; i++) {
                    if (scores[i] < threshold) {
                        continue;
                    }
                    Row row = scored.get(i);
                    String file = row.getString(row.fieldIndex("file"));
                    String folder = row.getString(row.fieldIndex("attempt_folder"));
                    String committed = AttemptFolder.commit(fs, new Path(folder), file, new Path(output));
                    kept.add(asPicture(row, committed));
                }
            } catch (IOException e) {
                throw new JobException("Output folder " + output + " cannot be written: " + e.getMessage(), e);
            }
        }
        return spark.createDataFrame(kept, ResultRows.SCHEMA);
    }

    private static Row asPicture(Row scored, String file) {
        Object[] values = new Object[scored.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = scored.get(i);
        }
        values[0] = ResultRows.PICTURE;
        values[scored.fieldIndex("file")] = file;
        return RowFactory.create(values);
    }
}
