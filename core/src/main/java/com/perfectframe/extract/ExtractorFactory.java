package com.perfectframe.extract;

import com.perfectframe.platform.NativeMemory;
import com.perfectframe.score.ModelSource;
import com.perfectframe.score.ProcessModel;
import com.perfectframe.score.nima.NimaScoringModel;
import com.perfectframe.video.FrameSampler;

/**
 * Builds the extractor a request asks for, from the process's {@link PipelineSettings}: one factory per process,
 * used by the command line, the REST service and the benchmarks alike.
 *
 * <p>It owns the process's NIMA model, loaded at the first job that scores and reused by every later one, and
 * closes it in {@link #close()}; jobs that do not score never load it.
 */
public final class ExtractorFactory implements AutoCloseable {

    private final PipelineSettings settings;
    private final ModelSource models;
    private final ProcessModel ownModel;

    /** A factory that loads NIMA as {@code settings.model()} says, once, when a job first scores. */
    public ExtractorFactory(PipelineSettings settings) {
        this(settings, new ProcessModel(() -> NimaScoringModel.open(settings.model())));
    }

    private ExtractorFactory(PipelineSettings settings, ProcessModel model) {
        this.settings = settings;
        this.models = model;
        this.ownModel = model;
    }

    /** A factory scoring with the given model, which the caller owns (tests, benchmarks). */
    public ExtractorFactory(PipelineSettings settings, ModelSource models) {
        this.settings = settings;
        this.models = models;
        this.ownModel = null;
    }

    public PipelineSettings settings() {
        return settings;
    }

    /**
     * The extractor for a job. Its thread can be interrupted by a cancellation from its first step on; when it ends,
     * the native memory its stages freed goes back to the system, so that a service running job after job does not
     * keep the high-water mark of each.
     */
    public Extractor forRequest(ExtractorName name, ExtractionRequest request) {
        Extractor extractor = extractorFor(name, request);
        return (job, progress, cancellation) -> {
            // Interruptible from the start: listing inputs, loading or downloading the model, then the pipeline.
            try {
                return cancellation.runInterruptibly(() -> extractor.run(job, progress, cancellation));
            } finally {
                NativeMemory.trim();
            }
        };
    }

    private Extractor extractorFor(ExtractorName name, ExtractionRequest request) {
        return switch (name) {
            case BEST_FRAMES ->
                request.bestFrames().allFrames()
                        ? new FramesExtractor(
                                new FrameSampler(settings.decoderThreads(), settings.parallelDecoders()), settings)
                        : new BestFramesExtractor(new FrameSampler(settings.decoderThreads()), models, settings);
            case TOP_IMAGES -> new TopImagesExtractor(models, settings);
        };
    }

    /** Closes the model this factory loaded, if any. No job may run any more. */
    @Override
    public void close() {
        if (ownModel != null) {
            ownModel.close();
        }
    }
}
