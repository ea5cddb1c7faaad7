package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import picocli.CommandLine.Option;

/**
 * The pictures' format and what they carry, options of every extractor (command line and Spark job alike).
 */
public final class OutputFormatOption {

    @Option(
            names = {"--images_output_format", "--format"},
            paramLabel = "EXT",
            description = "Picture format: .jpg, .png or .webp (default: ${DEFAULT-VALUE}).")
    String format = ExtractionRequest.DEFAULT_OUTPUT_FORMAT;

    @Option(
            names = {"--strip_location", "--strip-location"},
            description = "Write no GPS position into the pictures (frames and re-encoded photos), for pictures that"
                    + " are shared; the capture time and camera are still written.")
    boolean stripLocation;

    /** Adds these options to a request. */
    public ExtractionRequest.Builder applyTo(ExtractionRequest.Builder request) {
        return request.outputFormat(format).stripLocation(stripLocation);
    }
}
