package com.perfectframe.cli;

import com.perfectframe.bench.PipelineBenchmark;
import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.options.BatchSizeOption;
import com.perfectframe.options.GroupSizeOption;
import com.perfectframe.options.ModelOptions;
import com.perfectframe.options.OptionNames;
import com.perfectframe.options.PipelineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    BatchSizeOption batchSize = new BatchSizeOption();

    @Mixin
    GroupSizeOption groupSize = new GroupSizeOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliLogging.configure(false, false);
        if (!Files.isRegularFile(video)) {
            System.err.println("Error: " + video + " is not a file.");
            return 1;
        }
        PipelineBenchmark.Settings settings;
        try {
            settings = new PipelineBenchmark.Settings(
                    video,
                    pipeline.settings(),
                    model.options(),
                    ExtractionRequest.BATCH_SIZE.check(batchSize.value()),
                    ExtractionRequest.BestFrames.GROUP_SIZE.check(groupSize.value()));
        } catch (InvalidSettingException e) {
            System.err.println("Error: " + OptionNames.describe(e, spec) + ".");
            return ExitCode.USAGE;
        }
        PipelineBenchmark.run(settings, System.out);
        return 0;
    }
}
