package com.perfectframe.extract;

import com.perfectframe.score.ScoringModelProvider;
import com.perfectframe.video.FrameSampler;

/**
 * Picks the extractor that does what a request asks: frames extraction, best frames, or top images.
 *
 * <p>Built once per process with the shared pieces (thread counts, how to open the model); cheap to call per job.
 * The model itself is only loaded when a scoring job starts.
 */
public final class Extractors {

    /** Decoders side by side on keyframe-only plans; frames extraction has no held frames to starve them. */
    private static final int PARALLEL_DECODERS = Runtime.getRuntime().availableProcessors();

    private final int decoderThreads;
    private final int frameWriterThreads;
    private final BestFramesExtractor.Tuning tuning;
    private final ScoringModelProvider models;

    /**
     * @param frameWriterThreads threads encoding pictures in frames extraction, where every sample is written
     * @param tuning the scoring pipeline's settings
     */
    public Extractors(
            int decoderThreads,
            int frameWriterThreads,
            BestFramesExtractor.Tuning tuning,
            ScoringModelProvider models) {
        this.decoderThreads = decoderThreads;
        this.frameWriterThreads = frameWriterThreads;
        this.tuning = tuning;
        this.models = models;
    }

    /** Worker threads: enough to keep encoding and preparation off the critical path on small machines. */
    public static int defaultWriterThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The extractor for a job. */
    public Extractor forRequest(ExtractorName name, ExtractionRequest request) {
        return switch (name) {
            case BEST_FRAMES ->
                request.allFrames()
                        ? new FramesExtractor(new FrameSampler(decoderThreads, PARALLEL_DECODERS), frameWriterThreads)
                        : new BestFramesExtractor(new FrameSampler(decoderThreads), models, tuning);
            case TOP_IMAGES -> new TopImagesExtractor(models, tuning);
        };
    }
}
