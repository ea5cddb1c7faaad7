package com.perfectframe.cli;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractorName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(
            names = {"--all_frames", "--all-frames"},
            description = "Write every 1-second sample, without scoring (frames extraction).")
    boolean allFrames;

    @Option(
            names = {"--batch_size", "--batch-size"},
            paramLabel = "N",
            description = "Frames scored together; groups restart at each batch (default: ${DEFAULT-VALUE}).")
    int batchSize = ExtractionRequest.DEFAULT_BATCH_SIZE;

    @Option(
            names = {"--group_size", "--compering_group_size", "--comparing_group_size", "--group-size"},
            paramLabel = "N",
            description = "Consecutive samples compared to keep the best (default: ${DEFAULT-VALUE}).")
    int groupSize = ExtractionRequest.DEFAULT_GROUP_SIZE;

    @Mixin
    PipelineOptions pipeline = new PipelineOptions();

    @Override
    public Integer call() {
        return new JobRunner(System.out, System.err)
                .run(
                        ExtractorName.BEST_FRAMES,
                        () -> job.request()
                                .allFrames(allFrames)
                                .batchSize(batchSize)
                                .groupSize(groupSize)
                                .build(),
                        job,
                        pipeline,
                        "video");
    }
}
