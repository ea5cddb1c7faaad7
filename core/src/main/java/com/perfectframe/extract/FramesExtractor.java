package com.perfectframe.extract;

import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.video.FrameWriter;
import com.perfectframe.extract.video.VideoPipeline;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.VideoSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Frames extraction ({@code best_frames_extractor --all_frames}): every 1-second sample of every video is written,
 * unscored. A {@link VideoPipeline} without its scoring half: decode → write.
 */
public final class FramesExtractor implements Extractor {

    private final VideoSource<SampledFrame> sampler;
    private final PipelineSettings settings;

    FramesExtractor(VideoSource<SampledFrame> sampler, PipelineSettings settings) {
        this.sampler = sampler;
        this.settings = settings;
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress, Cancellation cancellation)
            throws ExtractionException, InterruptedException {
        List<Path> videos = InputFiles.videosToProcess(request, progress);
        try (OutputJob job = OutputJob.open(request)) {
            ImageEncoder encoder = new ImageEncoder(request.outputFormat());
            return VideoPipeline.everySample(
                            sampler,
                            () -> new FrameWriter(encoder, null),
                            settings.stageSizes(request.batchSize(), true),
                            new VideoPipeline.Outputs(
                                    new OutputStaging(job.output()),
                                    request.inputs().processedVideoPrefix()),
                            progress,
                            cancellation)
                    .run(videos);
        }
    }
}
