package com.perfectframe.extract.select;

import com.perfectframe.quality.Similarity;

/**
 * The thresholds of the quality gate and of near-duplicate suppression, with their tested defaults. The gate judges
 * a sample against the other samples of its group (a night scene is dark and a soft shot is soft on purpose), so
 * the relative thresholds say how much worse than the group's median counts as clearly worse.
 *
 * @param sharpnessRatio a sample is blurred when its sharpness is below this share of its group's median
 * @param exposureMargin a sample is too dark (overexposed) when its share of crushed blacks (blown highlights)
 *     exceeds its group's median share by more than this
 * @param flatSpread a sample whose luma standard deviation (0–255 scale) is below this is flat, whatever its group
 * @param duplicateHashBits two frames whose 64-bit perceptual hashes differ in at most this many bits are
 *     near-duplicates (when their thumbnails agree too)
 */
public record QualityRules(double sharpnessRatio, double exposureMargin, double flatSpread, int duplicateHashBits) {

    public static final double DEFAULT_SHARPNESS_RATIO = 0.5;
    public static final double DEFAULT_EXPOSURE_MARGIN = 0.4;
    public static final double DEFAULT_FLAT_SPREAD = 4.0;
    public static final int DEFAULT_DUPLICATE_HASH_BITS = Similarity.DEFAULT_MAX_HASH_BITS;

    public QualityRules {
        if (!(sharpnessRatio > 0 && sharpnessRatio < 1)) {
            throw new IllegalArgumentException("sharpness_ratio must be between 0 and 1, got " + sharpnessRatio);
        }
        if (!(exposureMargin > 0 && exposureMargin < 1)) {
            throw new IllegalArgumentException("exposure_margin must be between 0 and 1, got " + exposureMargin);
        }
        if (!(flatSpread >= 0 && flatSpread < 64)) {
            throw new IllegalArgumentException("flat_spread must be between 0 and 64, got " + flatSpread);
        }
        if (duplicateHashBits < 0 || duplicateHashBits > 32) {
            throw new IllegalArgumentException("duplicate_bits must be between 0 and 32, got " + duplicateHashBits);
        }
    }

    /**
     * The defaults, with the given values instead where they are not null (for optional inputs).
     *
     * @throws IllegalArgumentException naming the setting whose value cannot be used
     */
    public static QualityRules of(
            Double sharpnessRatio, Double exposureMargin, Double flatSpread, Integer duplicateHashBits) {
        return new QualityRules(
                sharpnessRatio != null ? sharpnessRatio : DEFAULT_SHARPNESS_RATIO,
                exposureMargin != null ? exposureMargin : DEFAULT_EXPOSURE_MARGIN,
                flatSpread != null ? flatSpread : DEFAULT_FLAT_SPREAD,
                duplicateHashBits != null ? duplicateHashBits : DEFAULT_DUPLICATE_HASH_BITS);
    }

    public static QualityRules defaults() {
        return new QualityRules(
                DEFAULT_SHARPNESS_RATIO, DEFAULT_EXPOSURE_MARGIN, DEFAULT_FLAT_SPREAD, DEFAULT_DUPLICATE_HASH_BITS);
    }
}
