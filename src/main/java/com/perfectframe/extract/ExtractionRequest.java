package com.perfectframe.extract;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one job needs to know, whether it came from the command line or from a REST request.
 *
 * <p>Field names in messages are the REST/CLI names (snake_case), so an error points at what the user typed.
 *
 * @param inputDirectory folder with the videos or images
 * @param outputDirectory folder receiving the pictures and the manifest (created if missing)
 * @param allFrames write every 1-second sample, unscored (frames extraction)
 * @param batchSize frames scored together
 * @param groupSize consecutive samples compared to keep the best one ({@code compering_group_size})
 * @param topImagesPercent percentile an image's score must reach to be kept
 * @param outputFormat format of written pictures
 * @param videoExtensions video file extensions, lower case with the dot
 * @param imageExtensions image file extensions, lower case with the dot
 * @param processedVideoPrefix prefix given to a video once it has been processed, and skipped after
 * @param perBatchPercentile take the top-images percentile per batch, as the original does, instead of over the
 *                           whole folder
 */
public record ExtractionRequest(
        Path inputDirectory,
        Path outputDirectory,
        boolean allFrames,
        int batchSize,
        int groupSize,
        double topImagesPercent,
        ImageFormat outputFormat,
        List<String> videoExtensions,
        List<String> imageExtensions,
        String processedVideoPrefix,
        boolean perBatchPercentile) {

    public static final Path DEFAULT_INPUT = Path.of("input_directory");
    public static final Path DEFAULT_OUTPUT = Path.of("output_directory");
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_GROUP_SIZE = 5;
    public static final double DEFAULT_TOP_IMAGES_PERCENT = 90.0;
    public static final List<String> DEFAULT_VIDEO_EXTENSIONS = List.of(".mp4", ".mov", ".webm", ".mkv", ".avi");
    public static final List<String> DEFAULT_IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");
    public static final String DEFAULT_PREFIX = "frames_extracted_";

    public ExtractionRequest {
        Objects.requireNonNull(inputDirectory, "input_directory");
        Objects.requireNonNull(outputDirectory, "output_directory");
        Objects.requireNonNull(outputFormat, "images_output_format");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch_size must be between 1 and 10000, got " + batchSize);
        }
        if (groupSize < 1 || groupSize > 10_000) {
            throw new IllegalArgumentException("compering_group_size must be between 1 and 10000, got " + groupSize);
        }
        if (!(topImagesPercent >= 0 && topImagesPercent <= 100)) {
            throw new IllegalArgumentException("top_images_percent must be between 0 and 100, got " + topImagesPercent);
        }
        videoExtensions = normaliseExtensions(videoExtensions, "video_extensions");
        imageExtensions = normaliseExtensions(imageExtensions, "images_extensions");
        if (processedVideoPrefix == null
                || processedVideoPrefix.isBlank()
                || processedVideoPrefix.contains("/")
                || processedVideoPrefix.contains("\\")) {
            throw new IllegalArgumentException("processed_video_prefix must be a non-empty file-name prefix");
        }
    }

    /** A request with the original tool's defaults for everything but the folders. */
    public static ExtractionRequest defaults(Path input, Path output) {
        return new ExtractionRequest(
                input,
                output,
                false,
                DEFAULT_BATCH_SIZE,
                DEFAULT_GROUP_SIZE,
                DEFAULT_TOP_IMAGES_PERCENT,
                ImageFormat.JPG,
                DEFAULT_VIDEO_EXTENSIONS,
                DEFAULT_IMAGE_EXTENSIONS,
                DEFAULT_PREFIX,
                false);
    }

    public ExtractionRequest withAllFrames(boolean value) {
        return new ExtractionRequest(
                inputDirectory,
                outputDirectory,
                value,
                batchSize,
                groupSize,
                topImagesPercent,
                outputFormat,
                videoExtensions,
                imageExtensions,
                processedVideoPrefix,
                perBatchPercentile);
    }

    private static List<String> normaliseExtensions(List<String> extensions, String field) {
        if (extensions == null || extensions.isEmpty()) {
            throw new IllegalArgumentException(field + " must list at least one extension");
        }
        return extensions.stream()
                .map(e -> {
                    String ext = e.trim().toLowerCase(Locale.ROOT);
                    if (ext.isEmpty() || ext.contains("/") || ext.contains("\\")) {
                        throw new IllegalArgumentException(field + " has an invalid extension '" + e + "'");
                    }
                    return ext.startsWith(".") ? ext : "." + ext;
                })
                .toList();
    }
}
