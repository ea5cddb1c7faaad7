package com.perfectframe.spark;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.limits.Range;
import com.perfectframe.options.BestFramesOptions;
import com.perfectframe.options.FolderOptions;
import com.perfectframe.options.ModelOptions;
import com.perfectframe.options.OptionNames;
import com.perfectframe.options.OutputFormatOption;
import com.perfectframe.options.PipelineOptions;
import com.perfectframe.options.TopImagesOptions;
import com.perfectframe.score.nima.NimaOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One extractor's command: the command line's own options (the core's option mixins, so the names and defaults are the
 * same), the folders required and read as URIs ({@link RequiredFolders}). The driver parses it to plan the job; each
 * executor parses the same arguments again ({@link JobArguments#parse()}) to build its request and settings, so nothing
 * but strings crosses the wire.
 */
@Command(modelTransformer = RequiredFolders.class)
abstract class JobCommand implements Callable<Integer> {

    @Mixin
    FolderOptions folders = new FolderOptions();

    @Mixin
    OutputFormatOption format = new OutputFormatOption();

    @Mixin
    PipelineOptions pipeline = new PipelineOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The input folder's URI. */
    String input() {
        return folders.input();
    }

    /** The output folder's URI. */
    String output() {
        return folders.output();
    }

    abstract ExtractorName extractor();

    /** The request for one task's scratch folders. */
    abstract ExtractionRequest request(Path input, Path output);

    PipelineSettings settings() {
        return pipeline.settings();
    }

    NimaOptions model() {
        return model.options();
    }

    @Override
    public Integer call() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        JobArguments arguments = new JobArguments(spec.name(), all.subList(all.indexOf(spec.name()) + 1, all.size()));
        try {
            arguments.parse().settings();
            arguments.parse().request(Path.of("in"), Path.of("out"));
        } catch (InvalidSettingException e) {
            System.err.println("Error: " + OptionNames.describe(e, spec) + ".");
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return 2;
        }
        SparkSession spark =
                SparkSession.builder().appName("PerfectFrame " + spec.name()).getOrCreate();
        try {
            JobReport report = SparkExtractJob.run(spark, arguments);
            System.out.println(report.describe());
            return report.allFailed() ? 1 : 0;
        } catch (JobException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Spark reports a failed task with its whole stack trace (in its log, above); the user gets one line.
            System.err.println("Error: the job failed: " + ClassPathClash.describe(e));
            return 1;
        } finally {
            spark.stop();
        }
    }

    @Command(
            name = "best_frames",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "The best frame of every few seconds of each video (best_frames_extractor).")
    static final class BestFrames extends JobCommand {
        @Mixin
        BestFramesOptions options = new BestFramesOptions();

        @Override
        ExtractorName extractor() {
            return ExtractorName.BEST_FRAMES;
        }

        @Override
        ExtractionRequest request(Path input, Path output) {
            return options.applyTo(format.applyTo(ExtractionRequest.builder(input, output)))
                    .build();
        }
    }

    @Command(
            name = "all_frames",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Every 1-second sample of each video, unscored (best_frames_extractor --all_frames).")
    static final class AllFrames extends JobCommand {
        @Override
        ExtractorName extractor() {
            return ExtractorName.BEST_FRAMES;
        }

        @Override
        ExtractionRequest request(Path input, Path output) {
            return format.applyTo(ExtractionRequest.builder(input, output))
                    .allFrames(true)
                    .build();
        }
    }

    @Command(
            name = "top_images",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "The images scoring at or above a percentile of all the folder's scores "
                    + "(top_images_extractor).")
    static final class TopImages extends JobCommand {
        /** The images one task scores: the job's own setting, so its range is kept here. */
        static final Range IMAGES_PER_TASK = Range.from("images_per_task", 1);

        @Mixin
        TopImagesOptions options = new TopImagesOptions();

        @Option(
                names = {"--images_per_task", "--images-per-task"},
                paramLabel = "N",
                description = "Images scored by one task (default: ${DEFAULT-VALUE}).")
        int imagesPerTask = 500;

        @Override
        ExtractorName extractor() {
            return ExtractorName.TOP_IMAGES;
        }

        /**
         * A task keeps every image it scores (percentile 0): the percentile is taken by the driver over the whole
         * folder's scores, as the command line takes it over the whole folder.
         */
        @Override
        ExtractionRequest request(Path input, Path output) {
            if (options.perBatchPercentile()) {
                throw new IllegalArgumentException(
                        "--per_batch_percentile is not supported by the Spark job: its percentile is the whole"
                                + " folder's.");
            }
            IMAGES_PER_TASK.check(imagesPerTask);
            return options.applyTo(format.applyTo(ExtractionRequest.builder(input, output)))
                    .topImagesPercent(0.0)
                    .build();
        }

        double percent() {
            return options.percent();
        }
    }
}
