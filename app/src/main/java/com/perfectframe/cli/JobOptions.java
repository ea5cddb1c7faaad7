package com.perfectframe.cli;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.options.OutputFormatOption;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every extractor command takes: where to read, where to write, how much to say. */
final class JobOptions {

    @Option(
            names = {"-i", "--input_directory", "--input-directory"},
            paramLabel = "DIR",
            description = "Folder with the inputs (default: ${DEFAULT-VALUE}).")
    Path input = ExtractionRequest.DEFAULT_INPUT;

    @Option(
            names = {"-o", "--output_directory", "--output-directory"},
            paramLabel = "DIR",
            description = "Folder for the results, created if missing (default: ${DEFAULT-VALUE}).")
    Path output = ExtractionRequest.DEFAULT_OUTPUT;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log details (and stack traces) to stderr.")
    boolean verbose;

    @Option(names = "--no-progress", description = "Plain log lines instead of a progress bar.")
    boolean noProgress;

    @Mixin
    OutputFormatOption format = new OutputFormatOption();

    /** A request for these folders and this format; the command adds its own options. */
    ExtractionRequest.Builder request() {
        return format.applyTo(ExtractionRequest.builder(input, output));
    }
}
