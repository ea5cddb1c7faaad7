package com.perfectframe.extract;

import com.perfectframe.extract.stage.StageSizes;
import com.perfectframe.limits.Range;

/**
 * How the pipeline runs on this machine, the same for every job of a process: threads and memory. The one owner of
 * these settings' defaults and limits (a {@link Range} each); the command line ({@code PipelineOptions}) and the
 * service's configuration ({@code perfectframe.*}) both map onto it through {@link #builder()}. What a single job
 * asks for (folders, group size, …) is an {@link ExtractionRequest}; which model scores, and how it is loaded, is
 * the scoring model's own business ({@code NimaOptions}), given to the {@link ExtractorFactory} beside these
 * settings.
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
 */
public record PipelineSettings(
        int decoderThreads,
        int prepareThreads,
        int writerThreads,
        int frameBudgetMb,
        int inferenceBatch,
        int maxMegapixels) {

    public static final int DEFAULT_DECODER_THREADS = 0;
    public static final int DEFAULT_PREPARE_THREADS = 1;
    public static final int DEFAULT_WRITER_THREADS = 0;
    public static final int DEFAULT_FRAME_BUDGET_MB = 48;
    public static final int DEFAULT_INFERENCE_BATCH = 16;
    public static final int DEFAULT_MAX_MEGAPIXELS = 100;

    private static final int MAX_THREADS = 64;

    public static final Range DECODER_THREADS = Range.of("decoder_threads", 0, MAX_THREADS);
    public static final Range PREPARE_THREADS = Range.of("prepare_threads", 1, MAX_THREADS);
    public static final Range WRITER_THREADS = Range.of("writer_threads", 0, MAX_THREADS);
    public static final Range FRAME_BUDGET_MB = Range.of("frame_budget_mb", 1, 65_536);
    public static final Range INFERENCE_BATCH = Range.of("inference_batch", 1, 1024);
    public static final Range MAX_MEGAPIXELS = Range.of("max_megapixels", 1, 10_000);

    /** Parallel decoders chosen: one per core, up to a number whose decoder buffers stay small. */
    private static final int AUTOMATIC_PARALLEL_DECODERS =
            Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /** Writer threads chosen when every sample is written: enough to keep encoding off the critical path. */
    private static final int AUTOMATIC_FRAME_WRITERS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** @throws com.perfectframe.limits.InvalidSettingException naming the first setting out of its range */
    public PipelineSettings {
        DECODER_THREADS.check(decoderThreads);
        PREPARE_THREADS.check(prepareThreads);
        WRITER_THREADS.check(writerThreads);
        FRAME_BUDGET_MB.check(frameBudgetMb);
        INFERENCE_BATCH.check(inferenceBatch);
        MAX_MEGAPIXELS.check(maxMegapixels);
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

        /** @throws com.perfectframe.limits.InvalidSettingException naming the first setting out of its range */
        public PipelineSettings build() {
            return new PipelineSettings(
                    decoderThreads, prepareThreads, writerThreads, frameBudgetMb, inferenceBatch, maxMegapixels);
        }
    }
}
