package com.perfectframe.extract;

import com.perfectframe.image.ImageEncoder;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampleSink;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.SamplingResult;
import com.perfectframe.video.VideoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames extraction ({@code best_frames_extractor --all_frames}): every 1-second sample of every video is written.
 *
 * <p>The decoder runs on the calling thread; conversion and encoding run on writer threads behind a bounded queue.
 */
public final class FramesExtractor implements Extractor {

    private static final Logger log = LoggerFactory.getLogger(FramesExtractor.class);

    private final FrameSampler sampler;
    private final int writerThreads;

    public FramesExtractor(FrameSampler sampler, int writerThreads) {
        this.sampler = sampler;
        this.writerThreads = Math.max(1, writerThreads);
    }

    @Override
    public ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress)
            throws ExtractionException, InterruptedException {
        Instant start = Instant.now();
        List<Path> videos = InputFiles.videos(request);
        if (videos.isEmpty()) {
            throw new ExtractionException("No unprocessed videos in " + request.inputDirectory().toAbsolutePath()
                    + " (looked for " + String.join(" ", request.videoExtensions()) + "; names starting with '"
                    + request.processedVideoPrefix() + "' are skipped).");
        }
        Path output = OutputFolder.prepare(request.outputDirectory());
        Manifest manifest = new Manifest(output);
        ImageEncoder encoder = new ImageEncoder(request.outputFormat());
        progress.begin(videos.size());
        int processed = 0;
        try (FrameWriterPool pool = new FrameWriterPool(writerThreads, 2 * writerThreads)) {
            for (Path video : videos) {
                progress.startFile(video);
                log.info("Sampling {}", video.getFileName());
                try {
                    SamplingResult result = sampler.sample(video, sink(pool, output, manifest, encoder, progress));
                    pool.awaitIdle();
                    if (result.complete()) {
                        VideoRenamer.markProcessed(video, request.processedVideoPrefix());
                        processed++;
                        log.info("{}: {} frames written ({} packets decoded of {} read, {} seeks)",
                                video.getFileName(), result.delivered(), result.packetsDecoded(),
                                result.packetsRead(), result.seeks());
                    } else {
                        fail(progress, video, result.problem() + "; " + result.delivered()
                                + " frames were written and the video was not renamed");
                    }
                } catch (VideoException e) {
                    pool.awaitIdle();
                    fail(progress, video, e.getMessage());
                } catch (ExtractionException e) {
                    fail(progress, video, e.getMessage());
                }
                progress.fileDone();
            }
        } catch (IOException e) {
            throw new ExtractionException("Cannot write to output folder " + output + ": " + e.getMessage(), e);
        }
        List<ExtractionProgress.FileProblem> problems = progress.problems();
        return new ExtractionSummary(ExtractorName.BEST_FRAMES, processed, problems.size(),
                progress.totalSamplesDone(), progress.picturesWritten(), Duration.between(start, Instant.now()),
                problems);
    }

    private static void fail(ExtractionProgress progress, Path video, String message) {
        String text = message.startsWith(video.getFileName() + ": ")
                ? message.substring(video.getFileName().toString().length() + 2) : message;
        log.warn("Skipped {}: {}", video.getFileName(), text);
        progress.problem(video, text);
    }

    private static SampleSink sink(FrameWriterPool pool, Path output, Manifest manifest, ImageEncoder encoder,
                                   ExtractionProgress progress) {
        return new SampleSink() {
            @Override
            public void planned(int samples) {
                progress.plannedSamples(samples);
            }

            @Override
            public void accept(SampledFrame frame) throws InterruptedException {
                pool.submit(frame, (f, converter) -> {
                    byte[] bytes;
                    try (Mat bgr = converter.toBgr(f.frame())) {
                        bytes = encoder.encode(bgr);
                    }
                    String name = OutputNames.forFrame(f.video(), f.seconds(), encoder.format().extension());
                    Path written = OutputFiles.writeNew(output, name, bytes);
                    manifest.append(new Manifest.Entry(written, f.video(), f.seconds(), f.frameNumber(), null, null));
                    progress.pictureWritten();
                    progress.sampleDone();
                });
            }
        };
    }
}
