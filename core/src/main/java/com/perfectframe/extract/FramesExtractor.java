package com.perfectframe.extract;

import com.perfectframe.extract.pipeline.Cancellation;
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
        Path output = OutputFolder.prepare(request);
        try (OutputFolder.Lock lock = OutputFolder.lock(output)) {
            OutputStaging staging = new OutputStaging(output);
            ImageEncoder encoder = new ImageEncoder(request.outputFormat());
            VideoPipeline.Sizes sizes =
                    new VideoPipeline.Sizes(0, settings.writerThreadsFor(true), 1, settings.frameBudgetBytes());
            return new VideoPipeline<>(
                            ExtractorName.BEST_FRAMES,
                            sampler,
                            null,
                            () -> new FrameWriter(encoder, staging, null),
                            sizes,
                            request.inputs().processedVideoPrefix(),
                            staging,
                            progress,
                            cancellation)
                    .run(videos);
        }
    }
}
