package com.perfectframe.extract;

import com.perfectframe.image.ImageEncoder;
import com.perfectframe.score.ModelException;
import com.perfectframe.score.ModelIdentity;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.ScoringModelProvider;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.SamplingResult;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Best frames: every video is sampled once per second, each sample scored, and the best sample of each group
 * written.
 *
 * <p>Stages overlap, joined by bounded queues: decoding (calling thread), preparing the model input (worker threads,
 * full-size conversion then a Lanczos resize), inference (one thread, batches of whatever is waiting) and writing
 * the winners (worker threads). Decoded frames waiting for their score are capped by a memory budget, and a frame
 * is released as soon as it loses its group, so memory does not depend on the video's length or the batch size.
 */
public final class BestFramesExtractor implements Extractor {

    private static final Logger log = LoggerFactory.getLogger(BestFramesExtractor.class);

    /**
     * Settings of the pipeline, not of the job. One preparing and one writing thread are enough by default:
     * inference or decoding is the slow stage (preparing takes 5 ms per 1080p sample, 19 ms at 4K), and each extra
     * thread holds a full-size picture (25 MB at 4K).
     */
    public record Tuning(int workerThreads, long frameBudgetBytes, int maxInferenceBatch) {
        public static Tuning defaults() {
            return new Tuning(1, 48L << 20, 16);
        }
    }

    private final FrameSampler sampler;
    private final ScoringModelProvider models;
    private final Tuning tuning;

    public BestFramesExtractor(FrameSampler sampler, ScoringModelProvider models, Tuning tuning) {
        this.sampler = sampler;
        this.models = models;
        this.tuning = tuning;
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress)
            throws ExtractionException, InterruptedException {
        List<Path> videos = VideoLoop.videos(request);
        Path output = OutputFolder.prepare(request.outputDirectory());
        try (ScoringModel model = open(models)) {
            ModelIdentity identity = model.scorer().identity();
            warnIfSynthetic(identity);
            Manifest manifest = new Manifest(output);
            ImageEncoder encoder = new ImageEncoder(request.outputFormat());
            GroupPlan plan = new GroupPlan(request.batchSize(), request.groupSize());
            FrameBudget budget = new FrameBudget(tuning.frameBudgetBytes());
            int threads = tuning.workerThreads();
            try (FrameWorkers preparers = new FrameWorkers("prepare", threads, 2 * threads);
                    FrameWorkers writers = new FrameWorkers("frame-writer", threads, 2 * threads);
                    ScoringLoop scoring = new ScoringLoop(
                            model.scorer(),
                            Math.min(request.batchSize(), tuning.maxInferenceBatch()),
                            model::recycle)) {
                return VideoLoop.run(videos, request, progress, video -> {
                    VideoRun run = new VideoRun(
                            plan,
                            budget,
                            preparers,
                            writers,
                            scoring,
                            model,
                            encoder,
                            output,
                            manifest,
                            identity.manifestName(),
                            progress);
                    try {
                        SamplingResult result = sampler.sample(video, run);
                        run.finish();
                        return result;
                    } catch (RuntimeException
                            | InterruptedException
                            | java.io.IOException
                            | com.perfectframe.video.VideoException e) {
                        run.abandon();
                        throw e;
                    }
                });
            } catch (ScoringLoop.ScoringFailedException e) {
                throw new ExtractionException("Scoring failed: " + e.getCause().getMessage(), e);
            }
        }
    }

    static ScoringModel open(ScoringModelProvider models) throws ExtractionException {
        try {
            return models.open();
        } catch (ModelException e) {
            throw new ExtractionException(e.getMessage(), e);
        }
    }

    static void warnIfSynthetic(ModelIdentity identity) {
        if (identity.synthetic()) {
            log.warn("Scoring with SYNTHETIC weights: the scores are meaningless and the pictures kept are "
                    + "arbitrary. Use the real NIMA weights for real results.");
        }
    }

    /** The pipeline state of one video; also the sampler's sink. */
    private static final class VideoRun implements SampleSink {
        private final FrameBudget budget;
        private final FrameWorkers preparers;
        private final FrameWorkers writers;
        private final ScoringLoop scoring;
        private final ScoringModel model;
        private final ImageEncoder encoder;
        private final Path output;
        private final Manifest manifest;
        private final String modelName;
        private final ExtractionProgress progress;
        private final GroupPlan plan;
        private GroupWinners<Candidate> winners;

        VideoRun(
                GroupPlan plan,
                FrameBudget budget,
                FrameWorkers preparers,
                FrameWorkers writers,
                ScoringLoop scoring,
                ScoringModel model,
                ImageEncoder encoder,
                Path output,
                Manifest manifest,
                String modelName,
                ExtractionProgress progress) {
            this.plan = plan;
            this.budget = budget;
            this.preparers = preparers;
            this.writers = writers;
            this.scoring = scoring;
            this.model = model;
            this.encoder = encoder;
            this.output = output;
            this.manifest = manifest;
            this.modelName = modelName;
            this.progress = progress;
            this.winners = new GroupWinners<>(plan, 0, this::write);
        }

        @Override
        public void planned(int samples) {
            progress.plannedSamples(samples);
            winners = new GroupWinners<>(plan, samples, this::write);
        }

        @Override
        public void accept(SampledFrame frame) throws InterruptedException {
            int share;
            try {
                share = budget.acquire(Candidate.bytesOf(frame));
            } catch (InterruptedException e) {
                frame.close();
                throw e;
            }
            Candidate candidate = new Candidate(frame, budget, share);
            GroupWinners<Candidate> groups = winners;
            preparers.submit(candidate, converter -> {
                float[] tensor;
                try (Mat bgr = converter.toBgr(frame.frame())) {
                    tensor = model.prepare(bgr);
                }
                scoring.submit(tensor, candidate, score -> {
                    progress.sampleDone();
                    groups.offer(frame.ordinal(), score, candidate);
                });
            });
        }

        /** Waits for every sample of the video to be scored and every winner to be written. */
        void finish() throws InterruptedException, java.io.IOException {
            preparers.awaitIdle();
            scoring.drain();
            // Groups still open here belong to a video that gave fewer samples than planned.
            winners.finish();
            writers.awaitIdle();
        }

        void abandon() {
            winners.discard();
        }

        private void write(GroupWinners.Winner<Candidate> winner) {
            Candidate candidate = winner.item();
            try {
                writers.submit(candidate, converter -> {
                    try (candidate) {
                        FrameOutput.write(
                                candidate.frame(),
                                converter,
                                encoder,
                                output,
                                manifest,
                                (double) winner.score(),
                                modelName);
                    }
                    progress.pictureWritten();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                candidate.close();
            }
        }
    }
}
