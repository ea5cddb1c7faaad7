package com.perfectframe.extract;

import com.perfectframe.extract.pipeline.Cancellation;
import com.perfectframe.extract.select.BestOfGroup;
import com.perfectframe.extract.select.GroupPlan;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.ScoringModelProvider;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.VideoSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Best frames: every video is sampled once per second, each sample scored, and the best sample of each group
 * written (the original tool's rule, {@link BestOfGroup}). The work is done by a {@link VideoPipeline}; this class
 * puts it together for one request.
 */
public final class BestFramesExtractor implements Extractor {

    private final VideoSource<SampledFrame> sampler;
    private final ScoringModelProvider models;
    private final PipelineSettings settings;

    BestFramesExtractor(VideoSource<SampledFrame> sampler, ScoringModelProvider models, PipelineSettings settings) {
        this.sampler = sampler;
        this.models = models;
        this.settings = settings;
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress, Cancellation cancellation)
            throws ExtractionException, InterruptedException {
        List<Path> videos = InputFiles.videosToProcess(request);
        Path output = OutputFolder.prepare(request.outputDirectory());
        ScoringModel model = ScoringModels.get(models, cancellation);
        String modelName = model.scorer().identity().manifestName();
        Manifest manifest = new Manifest(output);
        ImageEncoder encoder = new ImageEncoder(request.outputFormat());
        GroupPlan plan = new GroupPlan(request.batchSize(), request.bestFrames().groupSize());
        VideoPipeline.Scoring<SampledFrame> scoring = new VideoPipeline.Scoring<>(
                () -> new FramePreparer(model.newPreparer()),
                model.scorer(),
                model::recycle,
                (planned, toWriter) -> new BestOfGroup<>(plan, planned, toWriter));
        VideoPipeline.Sizes sizes = new VideoPipeline.Sizes(
                settings.prepareThreads(),
                settings.writerThreadsFor(false),
                Math.min(request.batchSize(), settings.inferenceBatch()),
                settings.frameBudgetBytes());
        return new VideoPipeline<>(
                        ExtractorName.BEST_FRAMES,
                        sampler,
                        scoring,
                        () -> new FrameWriter(encoder, output, manifest, modelName),
                        sizes,
                        request.inputs().processedVideoPrefix(),
                        progress,
                        cancellation)
                .run(videos);
    }
}
