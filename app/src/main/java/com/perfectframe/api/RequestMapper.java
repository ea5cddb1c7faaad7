package com.perfectframe.api;

import com.perfectframe.access.AllowedFolders;
import com.perfectframe.access.Excerpt;
import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractionRequest.BestFrames;
import com.perfectframe.extract.select.QualityRules;
import com.perfectframe.limits.InvalidSettingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Turns a request body into a job request: defaults filled in, folders checked against the allowed roots, and a
 * value the core refuses reported on the field as it was sent.
 */
final class RequestMapper {

    private final PerfectFrameProperties properties;
    private final AllowedFolders folders;

    RequestMapper(PerfectFrameProperties properties) {
        this.properties = properties;
        this.folders = new AllowedFolders(properties.effectiveAllowedRoots());
    }

    ExtractionRequest toRequest(ExtractorRequestBody body) {
        text("input_directory", body.inputDirectory());
        text("output_directory", body.outputDirectory());
        text("processed_video_prefix", body.processedVideoPrefix());
        text("images_output_format", body.imagesOutputFormat());
        texts("video_extensions", body.videoExtensions());
        texts("images_extensions", body.imagesExtensions());
        if (body.targetImageSize() != null && body.targetImageSize().stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("target_image_size must not contain null; it must be [224, 224].");
        }
        Path input = folders.check(
                "input_directory", path("input_directory", body.inputDirectory(), properties.inputDirectory()));
        Path output = folders.check(
                "output_directory", path("output_directory", body.outputDirectory(), properties.outputDirectory()));
        if (!Files.isDirectory(input)) {
            throw new InvalidRequestException(
                    "input_directory '" + Excerpt.of(input) + "' does not exist or is not a folder.");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new InvalidRequestException(
                    "output_directory '" + Excerpt.of(output) + "' exists and is not a folder.");
        }
        if (body.targetImageSize() != null && !body.targetImageSize().equals(List.of(224, 224))) {
            throw new InvalidRequestException("target_image_size must be [224, 224]: the NIMA model's input size.");
        }
        ExtractorRequestBody.GroupSize groupSize = body.groupSize();
        try {
            return ExtractionRequest.builder(input, output)
                    .allFrames(body.allFrames())
                    .batchSize(body.batchSize())
                    .groupSize(groupSize.value())
                    .topImagesPercent(body.topImagesPercent())
                    .perBatchPercentile(body.perBatchPercentile())
                    .outputFormat(body.imagesOutputFormat())
                    .videoExtensions(body.videoExtensions())
                    .imageExtensions(body.imagesExtensions())
                    .processedVideoPrefix(body.processedVideoPrefix())
                    .qualityGate(body.qualityGate())
                    .distinct(body.distinct())
                    .top(body.top())
                    .minGapSeconds(body.minGapSeconds())
                    .samplesCsv(body.samplesCsv())
                    .recursive(body.recursive())
                    .stripLocation(body.stripLocation())
                    .perShot(body.perShot())
                    .shotDrift(body.shotDrift())
                    .rules(QualityRules.of(
                            body.sharpnessRatio(), body.exposureMargin(), body.flatSpread(), body.duplicateBits()))
                    .confinement(folders.confinement())
                    .build();
        } catch (InvalidSettingException e) {
            String field = e.setting().equals(BestFrames.GROUP_SIZE.key()) ? groupSize.field() : e.setting();
            throw new InvalidRequestException(Excerpt.message(e.describe(field), 200));
        } catch (IllegalArgumentException e) {
            // A refusal without a setting's key still is the request's fault, not the service's.
            throw new InvalidRequestException(Excerpt.message(e.getMessage(), 200));
        }
    }

    /** A text field: no control characters (NUL, line breaks, …), which no folder, prefix or format may hold. */
    private static void text(String field, String value) {
        if (value != null && Excerpt.hasControl(value)) {
            throw new InvalidRequestException(
                    field + " must not contain control characters such as NUL or line breaks (got '" + Excerpt.of(value)
                            + "').");
        }
    }

    private static void texts(String field, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException(field + " must not contain null.");
        }
        values.forEach(value -> text(field, value));
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
            throw new InvalidRequestException(field + " '" + Excerpt.of(value) + "' is not a valid path.");
        }
    }
}
