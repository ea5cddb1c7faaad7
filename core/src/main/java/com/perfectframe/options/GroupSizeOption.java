package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import picocli.CommandLine.Option;

/**
 * {@code --group_size} under the original's names too, declared once for the best-frames extractor, its Spark job and
 * the benchmark; its default and limits belong to {@link ExtractionRequest.BestFrames#GROUP_SIZE}.
 */
public final class GroupSizeOption {

    @Option(
            names = {"--group_size", "--compering_group_size", "--comparing_group_size", "--group-size"},
            paramLabel = "N",
            description = "Consecutive samples compared to keep the best (default: ${DEFAULT-VALUE}).")
    int groupSize = ExtractionRequest.DEFAULT_GROUP_SIZE;

    /** The group size given (or the default). */
    public int value() {
        return groupSize;
    }
}
