package com.perfectframe.options;

import com.perfectframe.extract.PipelineSettings;
import picocli.CommandLine.Option;

/**
 * The command line's side of {@link PipelineSettings}: one option per setting, named as the setting (with {@code
 * --}), unset options keeping the record's defaults. The service's {@code perfectframe.*} properties map onto the
 * same record. The model's options are {@link ModelOptions}.
 */
public final class PipelineOptions {

    @Option(
            names = {"--decoder_threads", "--decoder-threads"},
            paramLabel = "N",
            description = "Threads decoding a video (FFmpeg's, or parallel decoders with --all_frames on keyframe-only"
                    + " videos); 0 chooses (default: "
                    + PipelineSettings.DEFAULT_DECODER_THREADS + ").")
    Integer decoderThreads;

    @Option(
            names = {"--prepare_threads", "--prepare-threads"},
            paramLabel = "N",
            description = "Threads preparing pictures for the model (default: "
                    + PipelineSettings.DEFAULT_PREPARE_THREADS + ").")
    Integer prepareThreads;

    @Option(
            names = {"--writer_threads", "--writer-threads"},
            paramLabel = "N",
            description = "Threads encoding pictures; 0 chooses: up to 4 with --all_frames, 1 when scoring (default: "
                    + PipelineSettings.DEFAULT_WRITER_THREADS + ").")
    Integer writerThreads;

    @Option(
            names = {"--frame_budget_mb", "--frame-budget-mb"},
            paramLabel = "MB",
            description = "Memory for decoded frames between decoding and writing (default: "
                    + PipelineSettings.DEFAULT_FRAME_BUDGET_MB + ").")
    Integer frameBudgetMb;

    @Option(
            names = {"--inference_batch", "--inference-batch"},
            paramLabel = "N",
            description = "Most pictures per model call; lower it to use less memory (default: "
                    + PipelineSettings.DEFAULT_INFERENCE_BATCH + ").")
    Integer inferenceBatch;

    @Option(
            names = {"--max_megapixels", "--max-megapixels"},
            paramLabel = "MP",
            description = "Largest picture decoded for scoring; larger ones (decompression bombs) are named and skipped"
                    + " (default: " + PipelineSettings.DEFAULT_MAX_MEGAPIXELS + ").")
    Integer maxMegapixels;

    /**
     * The settings these options describe.
     *
     * @throws com.perfectframe.limits.InvalidSettingException for a value out of its range ({@link OptionNames}
     *     names the option)
     */
    public PipelineSettings settings() {
        return PipelineSettings.builder()
                .decoderThreads(decoderThreads)
                .prepareThreads(prepareThreads)
                .writerThreads(writerThreads)
                .frameBudgetMb(frameBudgetMb)
                .inferenceBatch(inferenceBatch)
                .maxMegapixels(maxMegapixels)
                .build();
    }
}
