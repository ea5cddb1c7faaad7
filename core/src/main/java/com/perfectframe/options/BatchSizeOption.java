package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import picocli.CommandLine.Option;

/**
 * {@code --batch_size}, declared once for every command that takes it (both extractors, the Spark job, the
 * benchmark); its default and limits belong to {@link ExtractionRequest#BATCH_SIZE}.
 */
public final class BatchSizeOption {

    @Option(
            names = {"--batch_size", "--batch-size"},
            paramLabel = "N",
            description = "Frames or images scored together; best-frames groups restart at each batch (default: "
                    + "${DEFAULT-VALUE}).")
    int batchSize = ExtractionRequest.DEFAULT_BATCH_SIZE;

    /** The batch size given (or the default). */
    public int value() {
        return batchSize;
    }
}
