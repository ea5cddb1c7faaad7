package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import picocli.CommandLine.Option;

/**
 * Where a job reads and writes, under this project's names and the original's ({@code --input_dir}, {@code
 * --output_dir}, as its README documents them), so that its users' commands work in every front end. The folders are
 * kept as typed: the command line reads them as paths, the Spark job as URIs of any Hadoop file system (and requires
 * both, having no working folder to default to); the defaults' owner is {@link ExtractionRequest}.
 */
public final class FolderOptions {

    /** The input option's canonical name, the one error messages give. */
    public static final String INPUT = "--input_directory";

    /** The output option's canonical name. */
    public static final String OUTPUT = "--output_directory";

    @Option(
            names = {"-i", INPUT, "--input_dir", "--input-directory"},
            paramLabel = "DIR",
            description = "Folder with the inputs (default: ${DEFAULT-VALUE}).")
    String input = ExtractionRequest.DEFAULT_INPUT.toString();

    @Option(
            names = {"-o", OUTPUT, "--output_dir", "--output-directory"},
            paramLabel = "DIR",
            description = "Folder for the results, created if missing (default: ${DEFAULT-VALUE}).")
    String output = ExtractionRequest.DEFAULT_OUTPUT.toString();

    /** The input folder as given (or the default). */
    public String input() {
        return input;
    }

    /** The output folder as given (or the default). */
    public String output() {
        return output;
    }
}
