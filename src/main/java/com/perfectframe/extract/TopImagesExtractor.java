package com.perfectframe.extract;

import com.perfectframe.image.ImageEncoder;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.image.ImageReader;
import com.perfectframe.score.ModelIdentity;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.ScoringModelProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Top images: scores every image of the input folder and copies those at or above the {@code top_images_percent}
 * percentile of all the folder's scores.
 *
 * <p>Unlike the original, which takes the percentile of each batch, the threshold is computed over the whole folder,
 * so the result depends neither on file order nor on the batch size; {@code per_batch_percentile} restores the
 * original's behaviour. Only scores and paths are kept while scoring; winners are copied byte for byte when the
 * output format is the source's, re-encoded otherwise.
 */
public final class TopImagesExtractor implements Extractor {

    private static final Logger log = LoggerFactory.getLogger(TopImagesExtractor.class);

    private record Scored(int index, Path image, float score) {}

    private final ScoringModelProvider models;
    private final BestFramesExtractor.Tuning tuning;

    public TopImagesExtractor(ScoringModelProvider models, BestFramesExtractor.Tuning tuning) {
        this.models = models;
        this.tuning = tuning;
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress)
            throws ExtractionException, InterruptedException {
        Instant start = Instant.now();
        List<Path> images = InputFiles.images(request);
        if (images.isEmpty()) {
            throw new ExtractionException(
                    "No images in " + request.inputDirectory().toAbsolutePath() + " (looked for "
                            + String.join(" ", request.imageExtensions()) + ").");
        }
        Path output = OutputFolder.prepare(request.outputDirectory());
        progress.begin(images.size());
        progress.plannedSamples(images.size());
        try (ScoringModel model = BestFramesExtractor.open(models)) {
            ModelIdentity identity = model.scorer().identity();
            BestFramesExtractor.warnIfSynthetic(identity);
            List<Scored> scored = score(images, model, request, progress);
            if (scored.isEmpty()) {
                throw new ExtractionException("None of the " + images.size() + " images in "
                        + request.inputDirectory().toAbsolutePath() + " could be read.");
            }
            List<Scored> winners = select(scored, request);
            Manifest manifest = new Manifest(output);
            for (Scored winner : winners) {
                Path written = copy(winner.image(), output, request.outputFormat());
                manifest.append(new Manifest.Entry(
                        written, winner.image(), null, null, (double) winner.score(), identity.manifestName()));
                progress.pictureWritten();
            }
            log.info("Kept {} of {} images", winners.size(), scored.size());
            List<ExtractionProgress.FileProblem> problems = progress.problems();
            return new ExtractionSummary(
                    ExtractorName.TOP_IMAGES,
                    scored.size(),
                    problems.size(),
                    scored.size(),
                    winners.size(),
                    Duration.between(start, Instant.now()),
                    problems);
        } catch (IOException e) {
            throw new ExtractionException("Cannot write to output folder " + output + ": " + e.getMessage(), e);
        } catch (ScoringLoop.ScoringFailedException e) {
            throw new ExtractionException("Scoring failed: " + e.getCause().getMessage(), e);
        }
    }

    private List<Scored> score(
            List<Path> images, ScoringModel model, ExtractionRequest request, ExtractionProgress progress)
            throws InterruptedException, IOException {
        List<Scored> scored = new ArrayList<>();
        int threads = tuning.workerThreads();
        try (FrameWorkers readers = new FrameWorkers("image-reader", threads, 2 * threads);
                ScoringLoop scoring = new ScoringLoop(
                        model.scorer(), Math.min(request.batchSize(), tuning.maxInferenceBatch()), model::recycle)) {
            for (int i = 0; i < images.size(); i++) {
                int index = i;
                Path image = images.get(i);
                readers.submit(null, converter -> {
                    progress.startFile(image);
                    float[] tensor;
                    try (Mat bgr = ImageReader.read(image)) {
                        tensor = model.prepare(bgr);
                    } catch (IOException e) {
                        log.warn("Skipped {}: {}", image.getFileName(), e.getMessage());
                        progress.problem(image, e.getMessage());
                        progress.fileDone();
                        return;
                    }
                    scoring.submit(tensor, null, score -> {
                        synchronized (scored) {
                            scored.add(new Scored(index, image, score));
                        }
                        progress.sampleDone();
                        progress.fileDone();
                    });
                });
            }
            readers.awaitIdle();
            scoring.drain();
        }
        scored.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return scored;
    }

    /** The images at or above the percentile: of the whole folder, or of each batch as the original does. */
    static List<Scored> select(List<Scored> scored, ExtractionRequest request) {
        List<Scored> winners = new ArrayList<>();
        int span = request.perBatchPercentile() ? request.batchSize() : scored.size();
        for (int from = 0; from < scored.size(); from += span) {
            List<Scored> part = scored.subList(from, Math.min(scored.size(), from + span));
            float[] values = new float[part.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = part.get(i).score();
            }
            double threshold = Percentile.of(values, request.topImagesPercent());
            part.stream().filter(s -> s.score() >= threshold).forEach(winners::add);
        }
        return winners;
    }

    private static Path copy(Path image, Path output, ImageFormat format) throws IOException {
        String name = OutputNames.forImage(image, format.extension());
        if (sourceFormat(image) == format) {
            return OutputFiles.copyNew(image, output, name);
        }
        try (Mat bgr = ImageReader.read(image);
                var encoded = new ImageEncoder(format).encodeNative(bgr)) {
            return OutputFiles.writeNew(output, name, encoded::writeTo);
        }
    }

    private static ImageFormat sourceFormat(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        try {
            return dot < 0 ? null : ImageFormat.parse(name.substring(dot));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
