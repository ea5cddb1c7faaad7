package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import picocli.CommandLine.Option;

/** The pictures' format, an option of every extractor (command line and Spark job alike). */
public final class OutputFormatOption {

    @Option(
            names = {"--images_output_format", "--format"},
            paramLabel = "EXT",
            description = "Picture format: .jpg, .png or .webp (default: ${DEFAULT-VALUE}).")
    String format = ExtractionRequest.DEFAULT_OUTPUT_FORMAT;

    /** Adds this option to a request. */
    public ExtractionRequest.Builder applyTo(ExtractionRequest.Builder request) {
        return request.outputFormat(format);
    }
}
