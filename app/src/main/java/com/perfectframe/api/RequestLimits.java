package com.perfectframe.api;

import com.perfectframe.access.Excerpt;
import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractionRequest.BestFrames;
import com.perfectframe.extract.ExtractionRequest.Curation;
import com.perfectframe.extract.ExtractionRequest.TopImages;
import com.perfectframe.extract.select.QualityRules;
import com.perfectframe.limits.Range;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The range of each numeric field of {@link ExtractorRequestBody}, read from the core's record that owns it, never
 * restated: checked before anything else is done with a request ({@link #check}), said in the message for a value of
 * the wrong type ({@link RequestFields}), and published in the OpenAPI description ({@link OpenApiLimits}). A
 * numeric field added to the body gets its row here (a test checks that none is missing).
 */
final class RequestLimits {

    /** A body field, the range it takes, and how to read it. */
    record Limit(String field, Range range, Function<ExtractorRequestBody, Number> value) {}

    static final List<Limit> LIMITS = List.of(
            new Limit("batch_size", ExtractionRequest.BATCH_SIZE, ExtractorRequestBody::batchSize),
            new Limit("compering_group_size", BestFrames.GROUP_SIZE, ExtractorRequestBody::comperingGroupSize),
            new Limit("comparing_group_size", BestFrames.GROUP_SIZE, ExtractorRequestBody::comparingGroupSize),
            new Limit("top_images_percent", TopImages.TOP_IMAGES_PERCENT, ExtractorRequestBody::topImagesPercent),
            new Limit("top", Curation.TOP, ExtractorRequestBody::top),
            new Limit("min_gap_seconds", Curation.MIN_GAP_SECONDS, ExtractorRequestBody::minGapSeconds),
            new Limit("shot_drift", Curation.SHOT_DRIFT, ExtractorRequestBody::shotDrift),
            new Limit("sharpness_ratio", QualityRules.SHARPNESS_RATIO, ExtractorRequestBody::sharpnessRatio),
            new Limit("exposure_margin", QualityRules.EXPOSURE_MARGIN, ExtractorRequestBody::exposureMargin),
            new Limit("flat_spread", QualityRules.FLAT_SPREAD, ExtractorRequestBody::flatSpread),
            new Limit("duplicate_bits", QualityRules.DUPLICATE_BITS, ExtractorRequestBody::duplicateBits));

    private RequestLimits() {}

    /** The range of a body field, if it has one. */
    static Optional<Range> of(String field) {
        return LIMITS.stream()
                .filter(limit -> limit.field().equals(field))
                .map(Limit::range)
                .findFirst();
    }

    /**
     * Refuses a body with a value out of its range, naming every such field as it was sent.
     *
     * @throws InvalidRequestException "batch_size must be between 1 and 10000 (got 0)."
     */
    static void check(ExtractorRequestBody body) {
        String refused = LIMITS.stream()
                .filter(limit -> limit.value().apply(body) != null)
                .filter(limit ->
                        !limit.range().accepts(limit.value().apply(body).doubleValue()))
                .map(limit -> limit.field() + " " + limit.range().problem() + " (got "
                        + Excerpt.of(limit.value().apply(body)) + ")")
                .sorted()
                .collect(Collectors.joining("; "));
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(refused + ".");
        }
    }
}
