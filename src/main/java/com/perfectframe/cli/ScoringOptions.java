package com.perfectframe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that score pictures with the NIMA model. */
final class ScoringOptions {

    @Option(names = "--cpu", description = "Run the model on the CPU even when a GPU is available.")
    boolean cpu;

    @Option(names = "--weights", paramLabel = "FILE", description = "Keras NIMA weights file to use.")
    Path weights;

    @Option(names = {"--models_dir", "--models-dir"}, paramLabel = "DIR",
            description = "Where models are kept and cached (default: ${DEFAULT-VALUE}).")
    Path modelsDir = Path.of("models");
}
