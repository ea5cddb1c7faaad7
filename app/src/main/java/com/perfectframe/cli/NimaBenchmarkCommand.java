package com.perfectframe.cli;

import com.perfectframe.bench.NimaBenchmark;
import com.perfectframe.score.nima.NimaOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchmark nima}: NIMA images/s per batch size, GFLOP/s and ratio to the machine's matmul peak. */
@Command(
        name = "nima",
        mixinStandardHelpOptions = true,
        description = "Measure NIMA scoring speed: images/s at each batch size, GFLOP/s, ratio to the fp32 matmul"
                + " peak, and the oneDNN bfloat16 path. Uses synthetic weights when none are given.")
public class NimaBenchmarkCommand implements Callable<Integer> {

    @Option(
            names = "--weights",
            paramLabel = "FILE",
            description = "Keras weights (default: MODELS/weights.h5," + " else synthetic).")
    Path weights;

    @Option(
            names = "--models_dir",
            paramLabel = "DIR",
            defaultValue = NimaOptions.DEFAULT_MODELS_DIR,
            description = "Models folder (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(names = "--cpu", description = "Run on the CPU even when a GPU is usable.")
    boolean cpu;

    @Option(
            names = "--batch_sizes",
            split = ",",
            defaultValue = "1,16,64",
            description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "Minimum timed seconds per batch size (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--no-bf16", description = "Skip the bfloat16 measurement.")
    boolean noBf16;

    @Option(names = "--compare-bn", description = "Also time the model with BN not folded into convolutions.")
    boolean compareBn;

    @Override
    public Integer call() {
        NimaOptions options = NimaOptions.defaults()
                .withModelsDir(modelsDir)
                .withWeightsFile(weights)
                .withForceCpu(cpu);
        NimaBenchmark.run(
                new NimaBenchmark.Settings(options, batchSizes, seconds, !noBf16, compareBn),
                new PrintStream(System.out, true));
        return 0;
    }

    public static void main(String[] args) {
        System.exit(ModelCommand.withUserErrors(new CommandLine(new NimaBenchmarkCommand()))
                .execute(args));
    }
}
