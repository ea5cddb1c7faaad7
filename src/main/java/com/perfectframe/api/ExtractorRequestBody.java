package com.perfectframe.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty("per_batch_percentile") Boolean perBatchPercentile) {

    static final ExtractorRequestBody EMPTY =
            new ExtractorRequestBody(null, null, null, null, null, null, null, null, null, null, null, null);
}
