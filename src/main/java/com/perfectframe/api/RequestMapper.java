package com.perfectframe.api;

import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Turns a request body into a job request: defaults filled in, folders checked against the allowed roots. */
final class RequestMapper {

    private final PerfectFrameProperties properties;
    private final AllowedFolders folders;

    RequestMapper(PerfectFrameProperties properties) {
        this.properties = properties;
        this.folders = new AllowedFolders(properties.effectiveAllowedRoots());
    }

    ExtractionRequest toRequest(ExtractorRequestBody body) {
        Path input = folders.check(
                "input_directory", path("input_directory", body.inputDirectory(), properties.inputDirectory()));
        Path output = folders.check(
                "output_directory", path("output_directory", body.outputDirectory(), properties.outputDirectory()));
        if (!Files.isDirectory(input)) {
            throw new InvalidRequestException("input_directory '" + input + "' does not exist or is not a folder.");
        }
        if (body.targetImageSize() != null && !body.targetImageSize().equals(List.of(224, 224))) {
            throw new InvalidRequestException("target_image_size must be [224, 224]: the NIMA model's input size.");
        }
        ExtractionRequest defaults = ExtractionRequest.defaults(input, output);
        try {
            return new ExtractionRequest(
                    input,
                    output,
                    Boolean.TRUE.equals(body.allFrames()),
                    Objects.requireNonNullElse(body.batchSize(), defaults.batchSize()),
                    Objects.requireNonNullElse(body.comperingGroupSize(), defaults.groupSize()),
                    Objects.requireNonNullElse(body.topImagesPercent(), defaults.topImagesPercent()),
                    body.imagesOutputFormat() == null
                            ? defaults.outputFormat()
                            : ImageFormat.parse(body.imagesOutputFormat()),
                    Objects.requireNonNullElse(body.videoExtensions(), defaults.videoExtensions()),
                    Objects.requireNonNullElse(body.imagesExtensions(), defaults.imageExtensions()),
                    Objects.requireNonNullElse(body.processedVideoPrefix(), defaults.processedVideoPrefix()),
                    Boolean.TRUE.equals(body.perBatchPercentile()));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message != null && message.startsWith("unsupported image format")) {
                message = "images_output_format: " + message;
            }
            throw new InvalidRequestException(message);
        }
    }

    private static Path path(String field, String value, Path fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new InvalidRequestException(field + " must not be empty.");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException(field + " '" + value + "' is not a valid path.");
        }
    }
}
