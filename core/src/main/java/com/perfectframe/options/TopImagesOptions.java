package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top-images extractor's options, shared by the command line and the Spark job. */
public final class TopImagesOptions {

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

    @Mixin
    BatchSizeOption batchSize = new BatchSizeOption();

    /** Adds these options to a request. */
    public ExtractionRequest.Builder applyTo(ExtractionRequest.Builder request) {
        return request.topImagesPercent(topImagesPercent)
                .perBatchPercentile(perBatchPercentile)
                .batchSize(batchSize.value());
    }

    /** The percentile kept (a front end that takes it over the whole folder itself, such as the Spark job). */
    public double percent() {
        return topImagesPercent;
    }

    public boolean perBatchPercentile() {
        return perBatchPercentile;
    }
}
