package com.perfectframe.spark;

import com.perfectframe.platform.JavaCppLogging;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The job's entry point for {@code spark-submit}: {@code best_frames}, {@code all_frames} or {@code top_images}, with
 * {@code --input} and {@code --output} folders (any Hadoop file system URI) and the command line's options.
 */
@Command(
        name = "perfectframe-spark",
        mixinStandardHelpOptions = true,
        subcommands = {
            JobCommand.BestFrames.class,
            JobCommand.AllFrames.class,
            JobCommand.TopImages.class,
            CommandLine.HelpCommand.class
        },
        description = "Runs PerfectFrame's extractors as an Apache Spark job (see docs/scale-out.md).")
public final class SparkExtractJob implements Callable<Integer> {

    /** Exit codes as the command line's: 0 done, 1 the job could not run, 2 a usage mistake. */
    public static void main(String[] args) {
        JavaCppLogging.toSlf4j();
        int code = new CommandLine(new SparkExtractJob()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    /** Runs a parsed job in the given session (tests pass a {@code local[2]} session). */
    static JobReport run(SparkSession spark, JobArguments arguments) {
        return new ArchiveJob(spark, arguments).run();
    }
}
