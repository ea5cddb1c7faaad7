package com.perfectframe.cli;

import com.perfectframe.bench.PipelineBenchmark;
import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.options.PipelineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benchmark best_frames VIDEO}: each pipeline stage alone, then the overlapped job, side by side. */
@Command(
        name = "best_frames",
        mixinStandardHelpOptions = true,
        description = "Time the best-frames pipeline on one video: decode, prepare, inference and write alone, then "
                + "the whole job; prints the ratio of the overlapped run to the sum of the stages. The video is "
                + "not renamed. Uses MODELS_DIR/weights.h5 (synthetic weights give meaningless scores but real "
                + "timings).")
final class BestFramesBenchmarkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "VIDEO", description = "Video to process.")
    Path video;

    @Mixin
    PipelineOptions pipeline = new PipelineOptions();

    @Option(
            names = {"--batch_size", "--batch-size"},
            paramLabel = "N",
            description = "Default: ${DEFAULT-VALUE}.")
    int batchSize = ExtractionRequest.DEFAULT_BATCH_SIZE;

    @Option(
            names = {"--group_size", "--group-size"},
            paramLabel = "N",
            description = "Default: ${DEFAULT-VALUE}.")
    int groupSize = ExtractionRequest.DEFAULT_GROUP_SIZE;

    @Override
    public Integer call() throws Exception {
        CliLogging.configure(false, false);
        if (!Files.isRegularFile(video)) {
            System.err.println("Error: " + video + " is not a file.");
            return 1;
        }
        PipelineBenchmark.run(
                new PipelineBenchmark.Settings(video, pipeline.settings(), batchSize, groupSize), System.out);
        return 0;
    }
}
