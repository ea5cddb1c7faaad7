package com.perfectframe.options;

import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.Normalization;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options saying which NIMA model to load and where it runs. Unset options keep the defaults of {@link
 * NimaOptions}, their one owner. Kept apart from {@link PipelineOptions}, as the model is apart from the pipeline's
 * settings: a front end gives both to {@code ExtractorFactory.loading}.
 */
public final class ModelOptions {

    @Option(
            names = {"--models_dir", "--models-dir"},
            paramLabel = "DIR",
            description =
                    "Where weights and converted models are kept (default: " + NimaOptions.DEFAULT_MODELS_DIR + ").")
    Path modelsDir;

    @Option(
            names = "--weights",
            paramLabel = "FILE",
            description = "Keras NIMA weights file (default: MODELS_DIR/weights.h5, downloaded if missing).")
    Path weights;

    @Option(
            names = {"--weights_url", "--weights-url"},
            paramLabel = "URL",
            description = "Where to download the weights from when they are missing (default: the original tool's"
                    + " weights on Hugging Face).")
    URI weightsUrl;

    @Option(names = "--cpu", description = "Run the model on the CPU even when a GPU is available.")
    Boolean cpu;

    @Option(
            names = "--normalization",
            paramLabel = "MODE",
            description = "Pixel scaling fed to the model: TRAINED ([-1, 1], as the weights were trained; the default)"
                    + " or ORIGINAL (x/255, as the original tool does).")
    Normalization normalization;

    @Option(
            names = "--bf16",
            description = "Run the model in bfloat16 on CPUs that support it (oneDNN): about 1.5x faster at batch 16"
                    + " on this project's benchmark machine, scores within about 0.03.")
    Boolean bf16;

    /** The model these options describe. */
    public NimaOptions options() {
        return NimaOptions.of(modelsDir, weights, weightsUrl, cpu, normalization, bf16);
    }
}
