package com.perfectframe.extract;

import com.perfectframe.extract.image.ImageCopier;
import com.perfectframe.extract.image.ImagePipeline;
import com.perfectframe.extract.image.ImagePreparer;
import com.perfectframe.extract.image.ManifestListing;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.TopPercentile;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.FrameBudget;
import com.perfectframe.image.MemoryGate;
import com.perfectframe.score.ModelSource;
import com.perfectframe.score.ScoringModel;
import java.nio.file.Path;
import java.util.List;

/**
 * Top images: scores every image of the input folder and copies those at or above the {@code top_images_percent}
 * percentile of all the folder's scores ({@link TopPercentile}; per batch with {@code per_batch_percentile}, as
 * the original). The work is done by an {@link ImagePipeline}; this class puts it together for one request.
 */
public final class TopImagesExtractor implements Extractor {

    private final ModelSource models;
    private final PipelineSettings settings;

    TopImagesExtractor(ModelSource models, PipelineSettings settings) {
        this.models = models;
        this.settings = settings;
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress, Cancellation cancellation)
            throws ExtractionException, InterruptedException {
        List<Path> images = InputFiles.imagesToScore(request, progress);
        try (OutputJob job = OutputJob.open(request)) {
            ScoringModel model = job.model(models, cancellation);
            TopPercentile selection = new TopPercentile(
                    request.topImages().percent(), request.topImages().perBatchPercentile() ? request.batchSize() : 0);
            // Decoded photos hold shares of the frame budget, which bounds how many large ones exist at once.
            MemoryGate gate = ImagePreparer.gateOf(new FrameBudget(settings.frameBudgetBytes()));
            return new ImagePipeline(
                            () -> new ImagePreparer(
                                    model.newPreparer(), gate, (long) settings.maxMegapixels() * 1_000_000),
                            new BatchScorer(model.scorer(), model::recycle),
                            selection,
                            new ImageCopier(job.output(), request.outputFormat()),
                            ManifestListing.open(
                                    job.output(), model.scorer().identity().manifestName()),
                            settings.stageSizes(request.batchSize(), false),
                            progress,
                            cancellation)
                    .run(images, request.inputDirectory());
        }
    }
}
