package com.perfectframe.cli;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.options.FolderOptions;
import com.perfectframe.options.OutputFormatOption;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options every extractor command takes: where to read, where to write, how much to say, and the original's launcher
 * flags.
 */
final class JobOptions {

    @Mixin
    FolderOptions folders = new FolderOptions();

    @Option(
            names = {"-v", "--verbose"},
            description = "Log details (and stack traces) to stderr.")
    boolean verbose;

    @Option(names = "--no-progress", description = "Plain log lines instead of a progress bar.")
    boolean noProgress;

    @Mixin
    OutputFormatOption format = new OutputFormatOption();

    @Mixin
    LauncherOptions launcher = new LauncherOptions();

    /** A request for these folders and this format; the command adds its own options. */
    ExtractionRequest.Builder request() {
        return format.applyTo(ExtractionRequest.builder(Path.of(folders.input()), Path.of(folders.output())));
    }
}
