package com.perfectframe.cli;

import com.perfectframe.extract.ExtractorName;
import com.perfectframe.options.BestFramesOptions;
import com.perfectframe.options.ModelOptions;
import com.perfectframe.options.PipelineOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code best_frames_extractor}: the best frame of every few seconds of each video, or every sample. */
@Command(
        name = "best_frames_extractor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Samples every video in the input folder once per second and writes the best frame of each "
                    + "group of samples (or, with --all_frames, every sample) as pictures.",
            "Each processed video is renamed with the prefix frames_extracted_ so it is not processed twice."
        })
final class BestFramesCommand implements Callable<Integer> {

    @Mixin
    JobOptions job = new JobOptions();

    @Mixin
    BestFramesOptions options = new BestFramesOptions();

    @Mixin
    PipelineOptions pipeline = new PipelineOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new JobRunner(System.out, System.err, spec)
                .run(
                        ExtractorName.BEST_FRAMES,
                        () -> options.applyTo(job.request()).build(),
                        job,
                        pipeline,
                        model,
                        "video");
    }
}
