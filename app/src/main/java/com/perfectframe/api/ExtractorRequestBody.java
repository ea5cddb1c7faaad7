package com.perfectframe.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The optional JSON body of {@code POST /extractors/{name}}, in the original tool's snake_case field names (the
 * service's naming strategy maps them). Missing fields take the defaults; unknown fields are refused, so a typo is
 * reported instead of silently ignored. The numeric fields' ranges are the core's ({@link RequestLimits}).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ExtractorRequestBody(
        @JsonProperty("input_directory") String inputDirectory,
        @JsonProperty("output_directory") String outputDirectory,
        @JsonProperty("all_frames") Boolean allFrames,
        @JsonProperty("batch_size") Integer batchSize,

        @JsonProperty("compering_group_size")
        @Schema(description = "Consecutive samples compared to keep the best (the original's spelling).")
        Integer comperingGroupSize,

        @JsonProperty("comparing_group_size") @Schema(description = "The same as compering_group_size.")
        Integer comparingGroupSize,

        @JsonProperty("top_images_percent") Double topImagesPercent,
        @JsonProperty("images_output_format") String imagesOutputFormat,
        @JsonProperty("video_extensions") List<String> videoExtensions,
        @JsonProperty("images_extensions") List<String> imagesExtensions,
        @JsonProperty("processed_video_prefix") String processedVideoPrefix,
        @JsonProperty("target_image_size") List<Integer> targetImageSize,
        @JsonProperty("per_batch_percentile") Boolean perBatchPercentile,
        @JsonProperty("quality_gate") Boolean qualityGate,
        @JsonProperty("distinct") Boolean distinct,
        @JsonProperty("top") Integer top,
        @JsonProperty("min_gap_seconds") Double minGapSeconds,
        @JsonProperty("samples_csv") Boolean samplesCsv,
        @JsonProperty("sharpness_ratio") Double sharpnessRatio,
        @JsonProperty("exposure_margin") Double exposureMargin,
        @JsonProperty("flat_spread") Double flatSpread,
        @JsonProperty("duplicate_bits") Integer duplicateBits,
        @JsonProperty("recursive") Boolean recursive,
        @JsonProperty("strip_location") Boolean stripLocation,
        @JsonProperty("per_shot") Boolean perShot,
        @JsonProperty("shot_drift") Double shotDrift) {

    static final ExtractorRequestBody EMPTY = new ExtractorRequestBody(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    /**
     * The group size sent under either of its names, and the name it was sent under.
     *
     * @throws InvalidRequestException when both names are sent with different values
     */
    GroupSize groupSize() {
        if (comperingGroupSize != null
                && comparingGroupSize != null
                && !comperingGroupSize.equals(comparingGroupSize)) {
            throw new InvalidRequestException("compering_group_size and comparing_group_size are the same field: send"
                    + " one of them (got " + comperingGroupSize + " and " + comparingGroupSize + ").");
        }
        return comparingGroupSize != null && comperingGroupSize == null
                ? new GroupSize(comparingGroupSize, "comparing_group_size")
                : new GroupSize(comperingGroupSize, "compering_group_size");
    }

    /** The group size (null when not sent) and the field it came in. */
    record GroupSize(Integer value, String field) {}
}
