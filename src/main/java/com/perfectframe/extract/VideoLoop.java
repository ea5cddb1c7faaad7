package com.perfectframe.extract;

import com.perfectframe.video.SamplingResult;
import com.perfectframe.video.VideoException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every video job shares: find the unprocessed videos, process each, rename it only when all its pictures
 * were written, and report a video that cannot be read without stopping the job.
 */
final class VideoLoop {

    private static final Logger log = LoggerFactory.getLogger(VideoLoop.class);

    /** Processes one video; returns what sampling did. */
    interface PerVideo {
        SamplingResult process(Path video) throws VideoException, InterruptedException, IOException;
    }

    private VideoLoop() {}

    /** The videos of a request; a folder without any is an error. */
    static List<Path> videos(ExtractionRequest request) throws ExtractionException {
        List<Path> videos = InputFiles.videos(request);
        if (videos.isEmpty()) {
            throw new ExtractionException(
                    "No unprocessed videos in " + request.inputDirectory().toAbsolutePath()
                            + " (looked for " + String.join(" ", request.videoExtensions()) + "; names starting with '"
                            + request.processedVideoPrefix() + "' are skipped).");
        }
        return videos;
    }

    static ExtractionSummary run(
            List<Path> videos, ExtractionRequest request, ExtractionProgress progress, PerVideo perVideo)
            throws ExtractionException, InterruptedException {
        Instant start = Instant.now();
        progress.begin(videos.size());
        int processed = 0;
        for (Path video : videos) {
            progress.startFile(video);
            log.info("Sampling {}", video.getFileName());
            try {
                SamplingResult result = perVideo.process(video);
                if (result.complete()) {
                    try {
                        VideoRenamer.markProcessed(video, request.processedVideoPrefix());
                        processed++;
                    } catch (ExtractionException e) {
                        problem(progress, video, e.getMessage());
                        progress.fileDone();
                        continue;
                    }
                    log.info(
                            "{}: {} samples ({} packets decoded of {} read, {} seeks)",
                            video.getFileName(),
                            result.delivered(),
                            result.packetsDecoded(),
                            result.packetsRead(),
                            result.seeks());
                } else {
                    problem(
                            progress,
                            video,
                            result.problem() + "; the pictures found were written and the video " + "was not renamed");
                }
            } catch (VideoException e) {
                problem(progress, video, e.getMessage());
            } catch (IOException e) {
                throw new ExtractionException(
                        "Cannot write to output folder " + request.outputDirectory() + ": " + e.getMessage(), e);
            }
            progress.fileDone();
        }
        List<ExtractionProgress.FileProblem> problems = progress.problems();
        return new ExtractionSummary(
                ExtractorName.BEST_FRAMES,
                processed,
                problems.size(),
                progress.totalSamplesDone(),
                progress.picturesWritten(),
                Duration.between(start, Instant.now()),
                problems);
    }

    private static void problem(ExtractionProgress progress, Path video, String message) {
        String prefix = video.getFileName() + ": ";
        String text = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        log.warn("Skipped {}: {}", video.getFileName(), text);
        progress.problem(video, text);
    }
}
