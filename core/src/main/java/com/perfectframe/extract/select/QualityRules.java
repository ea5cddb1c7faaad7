package com.perfectframe.extract.select;

import com.perfectframe.limits.Range;
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

    public static final Range SHARPNESS_RATIO =
            Range.between("sharpness_ratio", 0, 1).excludingMin().excludingMax();
    public static final Range EXPOSURE_MARGIN =
            Range.between("exposure_margin", 0, 1).excludingMin().excludingMax();
    public static final Range FLAT_SPREAD = Range.between("flat_spread", 0, 64).excludingMax();
    /** Half the hash's 64 bits: two unrelated pictures' hashes differ in about that many. */
    public static final Range DUPLICATE_BITS = Range.of("duplicate_bits", 0, 32);

    /** @throws com.perfectframe.limits.InvalidSettingException naming the first threshold out of its range */
    public QualityRules {
        SHARPNESS_RATIO.check(sharpnessRatio);
        EXPOSURE_MARGIN.check(exposureMargin);
        FLAT_SPREAD.check(flatSpread);
        DUPLICATE_BITS.check(duplicateHashBits);
    }

    /**
     * The defaults, with the given values instead where they are not null (for optional inputs).
     *
     * @throws com.perfectframe.limits.InvalidSettingException naming the setting whose value cannot be used
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
