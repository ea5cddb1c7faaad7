package com.perfectframe.cli;

import com.perfectframe.score.ModelException;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.convert.ConvertedModel;
import com.perfectframe.score.nima.convert.NimaModelInfo;
import com.perfectframe.score.nima.convert.SavedModelCache;
import com.perfectframe.score.nima.convert.SyntheticWeights;
import com.perfectframe.score.nima.convert.TensorflowNativeBootstrap;
import com.perfectframe.score.nima.convert.WeightsTrust;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code model info|convert|synthesize|trust}: inspect NIMA, convert Keras weights ahead of time, write test weights,
 * accept changed weights on purpose.
 */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "NIMA model tools: info, convert, synthesize, trust.",
        subcommands = {
            ModelCommand.Info.class,
            ModelCommand.Convert.class,
            ModelCommand.Synthesize.class,
            ModelCommand.Trust.class
        })
public class ModelCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints parameter count, input size and FLOPs per image computed from the built graph. */
    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            description = "Print NIMA's parameter count, input size and FLOPs per image (from the built graph).")
    static class Info implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            NimaModelInfo info = NimaModelInfo.compute(TensorflowNativeBootstrap.defaultCacheRoot());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Model:       NIMA (InceptionResNetV2 + Dense(10) softmax)%n");
            out.printf("Parameters:  %,d%n", info.parameterCount());
            out.printf("Input:       %dx%dx3 RGB%n", info.inputSize(), info.inputSize());
            out.printf(
                    "FLOPs/image: %,d (%.2f GFLOPs, convolutions and matmuls, from the built graph)%n",
                    info.flopsPerImage(), info.flopsPerImage() / 1e9);
            out.printf("Graph ops:   %,d%n", info.graphOperations());
            return 0;
        }
    }

    /** Converts a Keras weights file into the cached SavedModel. */
    @Command(
            name = "convert",
            mixinStandardHelpOptions = true,
            description = "Convert a Keras weights file into a TensorFlow SavedModel under the models folder.")
    static class Convert implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--weights", required = true, paramLabel = "FILE", description = "Keras weights (.h5).")
        Path weights;

        @Option(
                names = "--models_dir",
                paramLabel = "DIR",
                defaultValue = NimaOptions.DEFAULT_MODELS_DIR,
                description = "Models folder (default: ${DEFAULT-VALUE}).")
        Path modelsDir;

        @Option(names = "--no-fold-bn", description = "Keep batch normalisation as separate ops.")
        boolean noFold;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(weights)) {
                throw new ModelException(
                        "Weights file " + weights + " does not exist; pass the path of NIMA's" + " weights.h5.");
            }
            TensorflowNativeBootstrap.load(NimaOptions.defaults().nativeCacheDir());
            ConvertedModel model = SavedModelCache.ensure(modelsDir, weights, !noFold);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("SavedModel: %s%nWeights SHA-256: %s%n", model.dir(), model.weightsSha256());
            if (model.synthetic()) {
                out.println("These weights are SYNTHETIC: scores computed with them are meaningless.");
            }
            return 0;
        }
    }

    /** Writes seeded random weights in the legacy Keras layout. */
    @Command(
            name = "synthesize",
            mixinStandardHelpOptions = true,
            description = "Write seeded random NIMA weights in the legacy Keras layout (scores are meaningless).")
    static class Synthesize implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "FILE",
                description = "File to write.")
        Path output;

        @Override
        public Integer call() throws Exception {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            SyntheticWeights.write(output, seed);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Wrote synthetic NIMA weights (seed %d) to %s; scores computed with"
                                    + " them are meaningless.%n",
                            seed, output);
            return 0;
        }
    }

    /** Records the weights' current SHA-256 as trusted: how a user accepts new weights on purpose. */
    @Command(
            name = "trust",
            mixinStandardHelpOptions = true,
            description = "Accept a weights file as it is now: record its SHA-256 in the models folder's "
                    + WeightsTrust.FILE_NAME + ", so that later changes are reported against it.")
    static class Trust implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--weights",
                paramLabel = "FILE",
                description = "Keras weights (.h5) (default: weights.h5 in the models folder).")
        Path weights;

        @Option(
                names = "--models_dir",
                paramLabel = "DIR",
                defaultValue = NimaOptions.DEFAULT_MODELS_DIR,
                description = "Models folder (default: ${DEFAULT-VALUE}).")
        Path modelsDir;

        @Override
        public Integer call() throws Exception {
            Path file = weights != null
                    ? weights
                    : NimaOptions.defaults().withModelsDir(modelsDir).resolvedWeightsFile();
            if (!Files.isRegularFile(file)) {
                throw new ModelException(
                        "Weights file " + file + " does not exist; pass the path of NIMA's weights.h5 with --weights.");
            }
            WeightsTrust.Trusted trusted = WeightsTrust.trust(modelsDir, file);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Trusted %s: SHA-256 %s (%s), recorded in %s.%n",
                            file,
                            trusted.sha256(),
                            trusted.before() == null
                                    ? "no hash was recorded before"
                                    : trusted.before().equals(trusted.sha256())
                                            ? "unchanged"
                                            : "was " + trusted.before(),
                            trusted.record());
            return 0;
        }
    }

    /** Prints a {@link ModelException}'s message as one line instead of a stack trace. */
    static CommandLine withUserErrors(CommandLine commandLine) {
        return commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof ModelException || e instanceof IllegalArgumentException) {
                cmd.getErr().println(e.getMessage());
                return 1;
            }
            throw e;
        });
    }

    public static void main(String[] args) {
        System.exit(withUserErrors(new CommandLine(new ModelCommand())).execute(args));
    }
}
