package com.perfectframe.extract;

import com.perfectframe.extract.stage.StageSizes;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.Normalization;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the pipeline runs on this machine, the same for every job of a process: threads, memory, and the model. The
 * one owner of these settings' defaults and limits; the command line ({@code PipelineOptions}) and the service's
 * configuration ({@code perfectframe.*}) both map onto it through {@link #builder()}. What a single job asks for
 * (folders, group size, …) is an {@link ExtractionRequest}.
 *
 * @param decoderThreads threads decoding a video: FFmpeg's threads of its decoder, or, in frames extraction on videos
 *     sampled mostly by keyframe seeks, that many single-threaded decoders side by side; 0 chooses (FFmpeg's choice,
 *     and one parallel decoder per core up to 8)
 * @param prepareThreads threads turning samples into the model's input (conversion, Lanczos resize); each holds a
 *     full-size picture while it works
 * @param writerThreads threads encoding and writing pictures; 0 chooses: up to 4 when every sample is written
 *     (frames extraction), 1 when only the kept ones are (scoring is then the slow stage)
 * @param frameBudgetMb memory for decoded frames between decoding and writing; bounds a job's memory whatever the
 *     video's length or resolution
 * @param inferenceBatch most pictures per model call (bounds inference memory)
 * @param maxMegapixels largest picture decoded for scoring; a larger one (a decompression bomb: a tiny PNG that
 *     declares 50000×50000 pixels) is named and skipped before it is decoded
 * @param model how to load the NIMA model
 */
public record PipelineSettings(
        int decoderThreads,
        int prepareThreads,
        int writerThreads,
        int frameBudgetMb,
        int inferenceBatch,
        int maxMegapixels,
        NimaOptions model) {

    public static final int DEFAULT_DECODER_THREADS = 0;
    public static final int DEFAULT_PREPARE_THREADS = 1;
    public static final int DEFAULT_WRITER_THREADS = 0;
    public static final int DEFAULT_FRAME_BUDGET_MB = 48;
    public static final int DEFAULT_INFERENCE_BATCH = 16;
    public static final int DEFAULT_MAX_MEGAPIXELS = 100;

    private static final int MAX_THREADS = 64;

    /** Parallel decoders chosen: one per core, up to a number whose decoder buffers stay small. */
    private static final int AUTOMATIC_PARALLEL_DECODERS =
            Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /** Writer threads chosen when every sample is written: enough to keep encoding off the critical path. */
    private static final int AUTOMATIC_FRAME_WRITERS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public PipelineSettings {
        check("decoder_threads", decoderThreads, 0, MAX_THREADS);
        check("prepare_threads", prepareThreads, 1, MAX_THREADS);
        check("writer_threads", writerThreads, 0, MAX_THREADS);
        check("frame_budget_mb", frameBudgetMb, 1, 65_536);
        check("inference_batch", inferenceBatch, 1, 1024);
        check("max_megapixels", maxMegapixels, 1, 10_000);
        Objects.requireNonNull(model, "model");
    }

    private static void check(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(setting, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    public static PipelineSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Writer threads for a job that writes every sample ({@code everySample}) or only the kept ones. */
    public int writerThreadsFor(boolean everySample) {
        if (writerThreads > 0) {
            return writerThreads;
        }
        return everySample ? AUTOMATIC_FRAME_WRITERS : 1;
    }

    /** Single-threaded decoders run side by side on keyframe-only plans (frames extraction). */
    public int parallelDecoders() {
        return decoderThreads > 0 ? decoderThreads : AUTOMATIC_PARALLEL_DECODERS;
    }

    public long frameBudgetBytes() {
        return (long) frameBudgetMb << 20;
    }

    /**
     * The stage sizes of a job: model calls of at most the request's {@code batch_size} (the original's groups
     * restart at each batch) and {@code inference_batch}; writers for every sample or for the kept ones.
     */
    public StageSizes stageSizes(int batchSize, boolean everySample) {
        return new StageSizes(
                prepareThreads, writerThreadsFor(everySample), Math.min(batchSize, inferenceBatch), frameBudgetBytes());
    }

    /**
     * Builds settings from optional values: a null argument keeps the default, so front ends map their unset
     * options and properties without branches.
     */
    public static final class Builder {
        private int decoderThreads = DEFAULT_DECODER_THREADS;
        private int prepareThreads = DEFAULT_PREPARE_THREADS;
        private int writerThreads = DEFAULT_WRITER_THREADS;
        private int frameBudgetMb = DEFAULT_FRAME_BUDGET_MB;
        private int inferenceBatch = DEFAULT_INFERENCE_BATCH;
        private int maxMegapixels = DEFAULT_MAX_MEGAPIXELS;
        private NimaOptions model = NimaOptions.defaults();

        private Builder() {}

        public Builder decoderThreads(Integer value) {
            decoderThreads = value != null ? value : decoderThreads;
            return this;
        }

        public Builder prepareThreads(Integer value) {
            prepareThreads = value != null ? value : prepareThreads;
            return this;
        }

        public Builder writerThreads(Integer value) {
            writerThreads = value != null ? value : writerThreads;
            return this;
        }

        public Builder frameBudgetMb(Integer value) {
            frameBudgetMb = value != null ? value : frameBudgetMb;
            return this;
        }

        public Builder inferenceBatch(Integer value) {
            inferenceBatch = value != null ? value : inferenceBatch;
            return this;
        }

        public Builder maxMegapixels(Integer value) {
            maxMegapixels = value != null ? value : maxMegapixels;
            return this;
        }

        public Builder modelsDir(Path value) {
            model = value != null ? model.withModelsDir(value) : model;
            return this;
        }

        public Builder weightsFile(Path value) {
            model = value != null ? model.withWeightsFile(value) : model;
            return this;
        }

        public Builder weightsUrl(URI value) {
            model = value != null ? model.withWeightsUrl(value) : model;
            return this;
        }

        public Builder cpu(Boolean value) {
            model = value != null ? model.withForceCpu(value) : model;
            return this;
        }

        public Builder normalization(Normalization value) {
            model = value != null ? model.withNormalization(value) : model;
            return this;
        }

        public Builder bf16(Boolean value) {
            model = value != null ? model.withBfloat16(value) : model;
            return this;
        }

        /** @throws InvalidSettingException naming the first setting whose value cannot be used */
        public PipelineSettings build() {
            return new PipelineSettings(
                    decoderThreads, prepareThreads, writerThreads, frameBudgetMb, inferenceBatch, maxMegapixels, model);
        }
    }
}
