package com.perfectframe.cli;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractorName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code top_images_extractor}: the best-scoring photos of a folder. */
@Command(
        name = "top_images_extractor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Scores every image in the input folder and copies those at or above the given percentile "
                + "of all the folder's scores to the output folder.")
final class TopImagesCommand implements Callable<Integer> {

    @Mixin
    JobOptions job = new JobOptions();

    @Option(
            names = {"--top_images_percent", "--top-images-percent"},
            paramLabel = "P",
            description = "Keep images scoring at or above this percentile (default: ${DEFAULT-VALUE}).")
    double topImagesPercent = ExtractionRequest.DEFAULT_TOP_IMAGES_PERCENT;

    @Option(
            names = {"--per_batch_percentile", "--per-batch-percentile"},
            description = "Take the percentile within each batch, as the original tool does, instead of over the "
                    + "whole folder.")
    boolean perBatchPercentile;

    @Option(
            names = {"--batch_size", "--batch-size"},
            paramLabel = "N",
            description = "Images scored together (default: ${DEFAULT-VALUE}).")
    int batchSize = ExtractionRequest.DEFAULT_BATCH_SIZE;

    @Mixin
    PipelineOptions pipeline = new PipelineOptions();

    @Override
    public Integer call() {
        return new JobRunner(System.out, System.err)
                .run(
                        ExtractorName.TOP_IMAGES,
                        () -> job.request()
                                .topImagesPercent(topImagesPercent)
                                .perBatchPercentile(perBatchPercentile)
                                .batchSize(batchSize)
                                .build(),
                        job,
                        pipeline,
                        "image");
    }
}
