package com.perfectframe.extract;

import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.output.SamplesCsv;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.BestOfGroup;
import com.perfectframe.extract.select.BestOfShot;
import com.perfectframe.extract.select.BestPerVideo;
import com.perfectframe.extract.select.DistinctFrames;
import com.perfectframe.extract.select.FrameSelection;
import com.perfectframe.extract.select.GatedBestOfGroup;
import com.perfectframe.extract.select.GroupPlan;
import com.perfectframe.extract.select.SelectionLog;
import com.perfectframe.extract.select.ShotLabels;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.StageSizes;
import com.perfectframe.extract.video.Candidate;
import com.perfectframe.extract.video.FramePreparer;
import com.perfectframe.extract.video.FrameWriter;
import com.perfectframe.extract.video.VideoPipeline;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.score.ModelSource;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.VideoSource;
import java.nio.file.Path;

/**
 * Best frames: every video is sampled once per second, each sample scored, and the best sample of each group
 * written (the original tool's rule, {@link BestOfGroup}), behind a quality gate ({@link GatedBestOfGroup}) unless
 * it is turned off, or the best of each shot ({@link BestOfShot}); samples are marked with their shot first ({@link
 * ShotLabels}) whenever they are measured; optionally without near-duplicates ({@link DistinctFrames}) or only the
 * N best ({@link BestPerVideo}). The work is done by a {@link VideoPipeline}; this class puts it together for one
 * request.
 */
public final class BestFramesExtractor implements Extractor {

    private final VideoSource<SampledFrame> sampler;
    private final ModelSource models;
    private final PipelineSettings settings;

    BestFramesExtractor(VideoSource<SampledFrame> sampler, ModelSource models, PipelineSettings settings) {
        this.sampler = sampler;
        this.models = models;
        this.settings = settings;
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress, Cancellation cancellation)
            throws ExtractionException, InterruptedException {
        InputFiles.Listing videos = InputFiles.videosToProcess(request, progress);
        try (OutputJob job = OutputJob.open(request)) {
            ScoringModel model = job.model(models, cancellation);
            String modelName = model.scorer().identity().manifestName();
            OutputStaging staging = new OutputStaging(job.output());
            ImageEncoder encoder = new ImageEncoder(request.outputFormat());
            GroupPlan plan =
                    new GroupPlan(request.batchSize(), request.bestFrames().groupSize());
            ExtractionRequest.Curation curation = request.bestFrames().curation();
            VideoPipeline.Scoring<SampledFrame> scoring = new VideoPipeline.Scoring<>(
                    () -> new FramePreparer(model.newPreparer(), curation.needsMeasures()),
                    new BatchScorer(model.scorer(), model::recycle),
                    new Selections(
                            plan,
                            curation,
                            curation.samplesCsv()
                                    ? new SamplesCsv(job.output(), request.inputDirectory(), staging)
                                    : null,
                            settings.prepareThreads()));
            StageSizes sizes = settings.stageSizes(request.batchSize(), false);
            return VideoPipeline.scored(
                            sampler,
                            scoring,
                            () -> new FrameWriter(encoder, modelName, sources(request)),
                            sizes,
                            new VideoPipeline.Outputs(staging, request.inputs().processedVideoPrefix()),
                            progress,
                            cancellation)
                    .run(videos.files(), videos.count());
        }
    }

    /** Where the request's frames come from, as their pictures and the manifest name them. */
    static FrameWriter.Sources sources(ExtractionRequest request) {
        return new FrameWriter.Sources(request.inputDirectory(), request.stripLocation());
    }

    /**
     * Each video's chain of rules: shot marks when the pictures are measured, the best of each group (behind the
     * quality gate unless it is off) or of each shot, then near-duplicate suppression and the N best when asked for,
     * and the per-sample CSV when asked for.
     */
    private record Selections(
            GroupPlan plan, ExtractionRequest.Curation curation, SamplesCsv samplesCsv, int prepareThreads)
            implements VideoPipeline.Selections<SampledFrame> {

        @Override
        public FrameSelection<Candidate<SampledFrame>> forVideo(
                Path video, int plannedSamples, FrameSelection<Candidate<SampledFrame>> toWriter) {
            FrameSelection<Candidate<SampledFrame>> chain = toWriter;
            SelectionLog log = SelectionLog.NONE;
            if (samplesCsv != null) {
                SamplesCsv.VideoLog<Candidate<SampledFrame>> videoLog = samplesCsv.forVideo(video, toWriter);
                chain = videoLog;
                log = videoLog;
            }
            if (curation.top() > 0) {
                double gap = curation.minGapSeconds() > 0
                        ? curation.minGapSeconds()
                        : BestPerVideo.defaultGap(curation.top(), plannedSamples);
                chain = new BestPerVideo<>(curation.top(), gap, log, chain);
            }
            if (curation.distinct()) {
                chain = new DistinctFrames<>(curation.rules().duplicateHashBits(), log, chain);
            }
            if (curation.perShot()) {
                chain = new BestOfShot<>(
                        curation.rules(), curation.qualityGate(), curation.shotDrift(), shotCandidates(), log, chain);
            } else if (curation.qualityGate()) {
                chain = new GatedBestOfGroup<>(plan, plannedSamples, curation.rules(), log, chain);
            } else {
                chain = new BestOfGroup<>(plan, plannedSamples, log, chain);
            }
            return curation.needsShots() ? new ShotLabels<>(curation.shotRules(), chain) : chain;
        }

        /** Samples of a shot held at most while they may still win: as many as a group holds. */
        private int shotCandidates() {
            return plan.groupSize();
        }

        @Override
        public int framesHeld() {
            int held;
            if (curation.perShot()) {
                held = BestOfShot.framesHeld(shotCandidates());
            } else {
                held = curation.qualityGate() ? GatedBestOfGroup.framesHeld(plan) : 1;
            }
            if (curation.needsShots()) {
                held += ShotLabels.framesHeld(prepareThreads);
            }
            if (curation.top() > 0) {
                held += BestPerVideo.framesHeld(curation.top());
            }
            return held;
        }
    }
}
