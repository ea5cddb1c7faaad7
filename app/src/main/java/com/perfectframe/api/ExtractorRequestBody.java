package com.perfectframe.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.perfectframe.extract.ExtractionRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * The optional JSON body of {@code POST /extractors/{name}}, in the original tool's snake_case field names (the
 * service's naming strategy maps them). Missing fields take the defaults; unknown fields are refused, so a typo is
 * reported instead of silently ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ExtractorRequestBody(
        @JsonProperty("input_directory") String inputDirectory,
        @JsonProperty("output_directory") String outputDirectory,
        @JsonProperty("all_frames") Boolean allFrames,
        @JsonProperty("batch_size") @Min(1) @Max(10_000) Integer batchSize,

        @JsonProperty("compering_group_size") @JsonAlias("comparing_group_size") @Min(1) @Max(10_000)
        Integer comperingGroupSize,

        @JsonProperty("top_images_percent") @DecimalMin("0") @DecimalMax("100")
        Double topImagesPercent,

        @JsonProperty("images_output_format") String imagesOutputFormat,
        @JsonProperty("video_extensions") List<String> videoExtensions,
        @JsonProperty("images_extensions") List<String> imagesExtensions,
        @JsonProperty("processed_video_prefix") String processedVideoPrefix,
        @JsonProperty("target_image_size") List<Integer> targetImageSize,
        @JsonProperty("per_batch_percentile") Boolean perBatchPercentile,
        @JsonProperty("quality_gate") Boolean qualityGate,
        @JsonProperty("distinct") Boolean distinct,

        @JsonProperty("top") @Min(0) @Max(ExtractionRequest.Curation.MAX_TOP)
        Integer top,

        @JsonProperty("min_gap_seconds") @DecimalMin("0") Double minGapSeconds,
        @JsonProperty("samples_csv") Boolean samplesCsv,

        @JsonProperty("sharpness_ratio")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax(value = "1", inclusive = false)
        Double sharpnessRatio,

        @JsonProperty("exposure_margin")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax(value = "1", inclusive = false)
        Double exposureMargin,

        @JsonProperty("flat_spread") @DecimalMin("0") @DecimalMax(value = "64", inclusive = false)
        Double flatSpread,

        @JsonProperty("duplicate_bits") @Min(0) @Max(32) Integer duplicateBits,
        @JsonProperty("per_shot") Boolean perShot,

        @JsonProperty("shot_drift") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        Double shotDrift) {

    static final ExtractorRequestBody EMPTY = new ExtractorRequestBody(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
