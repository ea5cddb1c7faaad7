package com.perfectframe.extract;

import static com.perfectframe.extract.pipeline.StageName.COPY;

import com.perfectframe.extract.pipeline.Cancellation;
import com.perfectframe.extract.pipeline.StageFailure;
import com.perfectframe.extract.select.ImageSelection.ScoredImage;
import com.perfectframe.extract.select.TopPercentile;
import com.perfectframe.image.MemoryGate;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.ScoringModelProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Top images: scores every image of the input folder and copies those at or above the {@code top_images_percent}
 * percentile of all the folder's scores ({@link TopPercentile}; per batch with {@code per_batch_percentile}, as
 * the original). The work is done by an {@link ImagePipeline}; this class puts it together for one request.
 */
public final class TopImagesExtractor implements Extractor {

    private final ScoringModelProvider models;
    private final PipelineSettings settings;

    TopImagesExtractor(ScoringModelProvider models, PipelineSettings settings) {
        this.models = models;
        this.settings = settings;
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress, Cancellation cancellation)
            throws ExtractionException, InterruptedException {
        List<Path> images = InputFiles.imagesToScore(request, progress);
        Path output = OutputFolder.prepare(request);
        try (OutputFolder.Lock lock = OutputFolder.lock(output)) {
            ScoringModel model = ScoringModels.get(models, cancellation);
            String modelName = model.scorer().identity().manifestName();
            Manifest manifest = new Manifest(output);
            TopPercentile selection = new TopPercentile(
                    request.topImages().percent(), request.topImages().perBatchPercentile() ? request.batchSize() : 0);
            // Decoded photos hold shares of the frame budget, which bounds how many large ones exist at once.
            MemoryGate gate = ImagePreparer.gateOf(new FrameBudget(settings.frameBudgetBytes()));
            Set<String> listed = listedFiles(manifest);
            ImagePipeline.Listing listing = new ImagePipeline.Listing() {
                @Override
                public void list(Path written, ScoredImage image) throws StageFailure {
                    try {
                        manifest.append(new Manifest.Entry(
                                written, image.image(), null, null, (double) image.score(), modelName));
                        listed.add(written.getFileName().toString());
                    } catch (IOException e) {
                        throw StageFailure.ofJob(
                                COPY,
                                image.image(),
                                "Cannot write to output folder " + output.toAbsolutePath() + ": "
                                        + StageFailure.describe(e),
                                e);
                    }
                }

                @Override
                public boolean lists(Path written) {
                    return listed.contains(written.getFileName().toString());
                }
            };
            return new ImagePipeline(
                            () -> new ImagePreparer(
                                    model.newPreparer(), gate, (long) settings.maxMegapixels() * 1_000_000),
                            model.scorer(),
                            model::recycle,
                            selection,
                            new ImageCopier(output, request.outputFormat()),
                            listing,
                            new ImagePipeline.Sizes(
                                    settings.prepareThreads(),
                                    Math.min(request.batchSize(), settings.inferenceBatch())),
                            progress,
                            cancellation)
                    .run(images, request.inputDirectory());
        }
    }

    /** What the manifest lists already: a copy a killed job made but could not list is listed by the rerun. */
    private static Set<String> listedFiles(Manifest manifest) throws ExtractionException {
        try {
            return new HashSet<>(manifest.listedFiles());
        } catch (IOException e) {
            throw new ExtractionException("Cannot read " + manifest.file().toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
