package com.perfectframe.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
        String inputDirectory,
        String outputDirectory,
        Boolean allFrames,
        @Min(1) @Max(10_000) Integer batchSize,
        @JsonAlias("comparing_group_size") @Min(1) @Max(10_000) Integer comperingGroupSize,
        @DecimalMin("0") @DecimalMax("100") Double topImagesPercent,
        String imagesOutputFormat,
        List<String> videoExtensions,
        List<String> imagesExtensions,
        String processedVideoPrefix,
        List<Integer> targetImageSize) {

    static final ExtractorRequestBody EMPTY =
            new ExtractorRequestBody(null, null, null, null, null, null, null, null, null, null, null);
}
