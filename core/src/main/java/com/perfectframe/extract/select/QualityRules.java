package com.perfectframe.extract.select;

import com.perfectframe.limits.Range;
import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.ShotRules;
import com.perfectframe.quality.ShotSegmenter;
import com.perfectframe.quality.ShotSegmenter.ShotMark;
import com.perfectframe.quality.Similarity;
import java.util.List;

/**
 * The thresholds of the quality gate and of near-duplicate suppression, with their tested defaults, and the gate's
 * rules. The gate judges a sample against the best of the samples it competes with (its group's samples of the same
 * shot, or its shot's with {@code --per_shot}): a night scene is dark and a soft shot is soft on purpose, so the
 * relative thresholds say how much worse than the best counts as clearly worse.
 *
 * @param sharpnessRatio a sample is blurred when its sharpness is below this share of the sharpest competitor's
 * @param exposureMargin a sample is too dark (overexposed) when its share of crushed blacks (blown highlights)
 *     exceeds the lowest share among its competitors by more than this
 * @param flatSpread a sample whose luma standard deviation (0–255 scale) is below this is flat, whatever its group
 * @param duplicateHashBits two frames whose 64-bit perceptual hashes differ in at most this many bits are
 *     near-duplicates (when their thumbnails agree too)
 */
public record QualityRules(double sharpnessRatio, double exposureMargin, double flatSpread, int duplicateHashBits) {

    /**
     * Blurred below 0.3 of the sharpest competitor: motion blur or a defocus measures a fifth or less of the sharp
     * picture (see {@link com.perfectframe.quality.PictureMeasurer#WORKING_SIDE}), while samples of one shot whose
     * content changes (more or fewer edges in view) measured down to 0.36 of the sharpest in the tests.
     */
    public static final double DEFAULT_SHARPNESS_RATIO = 0.3;

    public static final double DEFAULT_EXPOSURE_MARGIN = 0.4;
    /** The segmenter's: a picture flat for the gate is flat for shot segmentation, and the other way round. */
    public static final double DEFAULT_FLAT_SPREAD = ShotRules.DEFAULT_FLAT_SPREAD;

    public static final int DEFAULT_DUPLICATE_HASH_BITS = Similarity.DEFAULT_MAX_HASH_BITS;

    public static final Range SHARPNESS_RATIO =
            Range.between("sharpness_ratio", 0, 1).excludingMin().excludingMax();
    public static final Range EXPOSURE_MARGIN =
            Range.between("exposure_margin", 0, 1).excludingMin().excludingMax();
    public static final Range FLAT_SPREAD = ShotRules.FLAT_SPREAD;
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

    /**
     * Whether the sample is spoilt whatever the samples around it: flat, or marked by shot segmentation as part of a
     * transition or as a flash; null when it is not.
     */
    public Verdict spoilt(Scored sample) {
        if (sample.measures().lumaSpread() < flatSpread) {
            return Verdict.FLAT;
        }
        ShotMark mark = sample.shot();
        if (mark != null && mark.role() == ShotSegmenter.Role.TRANSITION) {
            return Verdict.TRANSITION;
        }
        if (mark != null && mark.role() == ShotSegmenter.Role.FLASH) {
            return Verdict.FLASH;
        }
        return null;
    }

    /**
     * The best measures among the samples one competes with: the sharpest, and the least crushed blacks and blown
     * highlights. {@link #NONE} before any.
     */
    public record Best(double sharpest, double leastDark, double leastBright) {

        public static final Best NONE = new Best(0, 1, 1);

        /** These bests, or the sample's where they are better. */
        public Best with(PictureMeasures m) {
            return new Best(
                    Math.max(sharpest, m.sharpness()),
                    Math.min(leastDark, m.darkShare()),
                    Math.min(leastBright, m.brightShare()));
        }
    }

    /**
     * The rule a sample fails against the best of its peers (the samples it competes with, itself included, none of
     * them spoilt): see {@link #compare(PictureMeasures, Best)}.
     */
    public Verdict compare(Scored sample, List<? extends Scored> peers) {
        Best best = Best.NONE;
        for (Scored peer : peers) {
            best = best.with(peer.measures());
        }
        return compare(sample.measures(), best);
    }

    /**
     * The rule a sample fails against the best of its competitors, or null when it passes: too dark (overexposed)
     * when its share of crushed blacks (blown highlights) exceeds the least by more than {@link #exposureMargin},
     * blurred when its sharpness is below {@link #sharpnessRatio} of the sharpest's. Measured against the best rather than
     * the typical competitor, a sharp sample among blurred ones still wins, while a shot that is soft or dark
     * throughout keeps its best. A sample failing now fails for good: the bests only get better.
     */
    public Verdict compare(PictureMeasures m, Best best) {
        // Exposure first: a dark or blown-out picture also measures less sharp (fewer edges), and is named for why.
        if (m.darkShare() > best.leastDark() + exposureMargin) {
            return Verdict.DARK;
        }
        if (m.brightShare() > best.leastBright() + exposureMargin) {
            return Verdict.OVEREXPOSED;
        }
        if (m.sharpness() < sharpnessRatio * best.sharpest()) {
            return Verdict.BLURRED;
        }
        return null;
    }

    /** Whether a sample that failed this rule may still be kept when every sample of its group failed. */
    static boolean mayBeKeptAnyway(Verdict failed) {
        return failed != Verdict.FLAT && failed != Verdict.TRANSITION && failed != Verdict.FLASH;
    }

    /** Whether two samples belong to one shot (true when either was not marked). */
    static boolean sameShot(Scored a, Scored b) {
        return a.shot() == null
                || b.shot() == null
                || a.shot().shot() == b.shot().shot();
    }

    public static QualityRules defaults() {
        return new QualityRules(
                DEFAULT_SHARPNESS_RATIO, DEFAULT_EXPOSURE_MARGIN, DEFAULT_FLAT_SPREAD, DEFAULT_DUPLICATE_HASH_BITS);
    }
}
