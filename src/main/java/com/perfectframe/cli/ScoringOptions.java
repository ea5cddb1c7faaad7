package com.perfectframe.cli;

import com.perfectframe.extract.BestFramesExtractor;
import com.perfectframe.image.Normalization;
import com.perfectframe.score.nima.NimaOptions;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that score pictures with the NIMA model. */
final class ScoringOptions {

    @Option(names = "--cpu", description = "Run the model on the CPU even when a GPU is available.")
    boolean cpu;

    @Option(
            names = "--weights",
            paramLabel = "FILE",
            description = "Keras NIMA weights file (default: MODELS_DIR/weights.h5, downloaded if missing).")
    Path weights;

    @Option(
            names = {"--models_dir", "--models-dir"},
            paramLabel = "DIR",
            description = "Where weights and converted models are kept (default: ${DEFAULT-VALUE}).")
    Path modelsDir = Path.of("models");

    @Option(
            names = {"--weights_url", "--weights-url"},
            paramLabel = "URL",
            description = "Where to download the weights from when they are missing (default: the original's).")
    URI weightsUrl = NimaOptions.DEFAULT_WEIGHTS_URL;

    @Option(
            names = "--normalization",
            paramLabel = "MODE",
            description = "Pixel scaling fed to the model: TRAINED ([-1, 1], as the weights were trained) or "
                    + "ORIGINAL (x/255, as the original tool does). Default: ${DEFAULT-VALUE}.")
    Normalization normalization = Normalization.TRAINED;

    @Option(
            names = {"--inference_batch", "--inference-batch"},
            paramLabel = "N",
            description = "Most pictures per model call; lower it to use less memory (default: ${DEFAULT-VALUE}).")
    int inferenceBatch = BestFramesExtractor.Tuning.defaults().maxInferenceBatch();

    @Option(
            names = "--bf16",
            description = "Run the model in bfloat16 on CPUs that support it (oneDNN): about "
                    + "1.5x faster at batch 16 and more on this project's benchmark machine, scores within about 0.03.")
    boolean bfloat16;

    BestFramesExtractor.Tuning tuning() {
        BestFramesExtractor.Tuning defaults = BestFramesExtractor.Tuning.defaults();
        return new BestFramesExtractor.Tuning(
                defaults.workerThreads(), defaults.frameBudgetBytes(), Math.max(1, inferenceBatch));
    }

    NimaOptions toNimaOptions() {
        return NimaOptions.defaults()
                .withModelsDir(modelsDir)
                .withWeightsFile(weights)
                .withWeightsUrl(weightsUrl)
                .withForceCpu(cpu)
                .withNormalization(normalization)
                .withBfloat16(bfloat16);
    }
}
