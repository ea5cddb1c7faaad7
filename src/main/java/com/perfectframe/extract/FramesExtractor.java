package com.perfectframe.extract;

import com.perfectframe.image.ImageEncoder;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SampledFrame;
import java.nio.file.Path;
import java.util.List;

/**
 * Frames extraction ({@code best_frames_extractor --all_frames}): every 1-second sample of every video is written.
 *
 * <p>The decoder runs on the calling thread; conversion and encoding run on writer threads behind a bounded queue.
 */
public final class FramesExtractor implements Extractor {

    private final FrameSampler sampler;
    private final int writerThreads;

    public FramesExtractor(FrameSampler sampler, int writerThreads) {
        this.sampler = sampler;
        this.writerThreads = Math.max(1, writerThreads);
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress)
            throws ExtractionException, InterruptedException {
        List<Path> videos = VideoLoop.videos(request);
        Path output = OutputFolder.prepare(request.outputDirectory());
        Manifest manifest = new Manifest(output);
        ImageEncoder encoder = new ImageEncoder(request.outputFormat());
        try (FrameWorkers writers = new FrameWorkers("frame-writer", writerThreads, 2 * writerThreads)) {
            return VideoLoop.run(videos, request, progress, video -> {
                try {
                    return sampler.sample(video, new SampleSink() {
                        @Override
                        public void planned(int samples) {
                            progress.plannedSamples(samples);
                        }

                        @Override
                        public void accept(SampledFrame frame) throws InterruptedException {
                            writers.submit(frame, converter -> {
                                try (frame) {
                                    FrameOutput.write(frame, converter, encoder, output, manifest, null, null);
                                }
                                progress.pictureWritten();
                                progress.sampleDone();
                            });
                        }
                    });
                } finally {
                    writers.awaitIdle();
                }
            });
        }
    }
}
