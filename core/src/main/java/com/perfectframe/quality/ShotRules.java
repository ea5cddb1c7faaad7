package com.perfectframe.quality;

import com.perfectframe.limits.Range;

/**
 * The thresholds of shot segmentation ({@link ShotSegmenter}), with their tested defaults (see {@code
 * bench/shots.sh}) and their ranges. None is a user's option but the flat spread, which is the quality gate's
 * {@code flat_spread} ({@code extract.select.QualityRules} takes its default and range from here, so that the gate's
 * flat picture and the segmenter's are one).
 *
 * @param cellTolerance a thumbnail cell differs between two samples when its normalised values (zero mean, unit
 *     spread per colour channel) differ by more than this on average over the three channels
 * @param maxChangedShare two samples belong to one shot when, for the best shift or zoom of one onto the other, at
 *     most this share of the cells differ; a cut leaves most cells different
 * @param maxShift the largest shift tried, in thumbnail cells of 16 (a pan of that share of the frame in a second)
 * @param flashRise a sample unlike the samples around it, which are alike, is a flash when its mean luma (0..255)
 *     exceeds theirs by more than this
 * @param flashLuma ... and when its mean luma is above this: a flash leaves the picture brighter than a normal
 *     exposure. A sample of normal brightness between darker ones is the better-lit picture of its shot, not a flash
 *     (a shot that is dark but for a moment of light, most of its samples bad): the gate judges it like the others
 * @param flatSpread a sample whose luma standard deviation (0..255) is below this is flat (black, white, one colour)
 *     and belongs to a transition
 */
public record ShotRules(
        double cellTolerance,
        double maxChangedShare,
        int maxShift,
        double flashRise,
        double flashLuma,
        double flatSpread) {

    public static final double DEFAULT_CELL_TOLERANCE = 0.5;
    public static final double DEFAULT_MAX_CHANGED_SHARE = 0.5;
    public static final int DEFAULT_MAX_SHIFT = 8;
    public static final double DEFAULT_FLASH_RISE = 20;
    /**
     * Mid-grey is about 118 and well-exposed pictures average 90 to 150; the flashes of {@code bench/shots.sh} and of
     * the tests leave 200 and more.
     */
    public static final double DEFAULT_FLASH_LUMA = 170;

    public static final double DEFAULT_FLAT_SPREAD = 4.0;

    /** Normalised units: beyond 4 spreads every cell would match. */
    public static final Range CELL_TOLERANCE =
            Range.between("shot_cell_tolerance", 0, 4).excludingMin().excludingMax();

    public static final Range MAX_CHANGED_SHARE =
            Range.between("shot_changed_share", 0, 1).excludingMin().excludingMax();
    /** Less than the thumbnail's side. */
    public static final Range MAX_SHIFT = Range.of("shot_max_shift", 0, PictureMeasures.THUMBNAIL_SIDE - 1);

    public static final Range FLASH_RISE =
            Range.between("flash_rise", 0, 255).excludingMin().excludingMax();
    public static final Range FLASH_LUMA =
            Range.between("flash_luma", 0, 255).excludingMin().excludingMax();
    /** A luma standard deviation; at 64 and above, ordinary pictures would be flat. */
    public static final Range FLAT_SPREAD = Range.between("flat_spread", 0, 64).excludingMax();

    /** @throws com.perfectframe.limits.InvalidSettingException naming the first threshold out of its range */
    public ShotRules {
        CELL_TOLERANCE.check(cellTolerance);
        MAX_CHANGED_SHARE.check(maxChangedShare);
        MAX_SHIFT.check(maxShift);
        FLASH_RISE.check(flashRise);
        FLASH_LUMA.check(flashLuma);
        FLAT_SPREAD.check(flatSpread);
    }

    /** The defaults with the gate's flat spread. */
    public static ShotRules withFlatSpread(double flatSpread) {
        return new ShotRules(
                DEFAULT_CELL_TOLERANCE,
                DEFAULT_MAX_CHANGED_SHARE,
                DEFAULT_MAX_SHIFT,
                DEFAULT_FLASH_RISE,
                DEFAULT_FLASH_LUMA,
                flatSpread);
    }

    public static ShotRules defaults() {
        return withFlatSpread(DEFAULT_FLAT_SPREAD);
    }
}
