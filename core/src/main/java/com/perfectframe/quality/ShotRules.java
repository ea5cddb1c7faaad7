package com.perfectframe.quality;

/**
 * The thresholds of shot segmentation ({@link ShotSegmenter}), with their tested defaults (see {@code
 * bench/shots.sh}).
 *
 * @param cellTolerance a thumbnail cell differs between two samples when its normalised values (zero mean, unit
 *     spread per colour channel) differ by more than this on average over the three channels
 * @param maxChangedShare two samples belong to one shot when, for the best shift or zoom of one onto the other, at
 *     most this share of the cells differ; a cut leaves most cells different
 * @param maxShift the largest shift tried, in thumbnail cells of 16 (a pan of that share of the frame in a second)
 * @param flashRise a sample unlike the samples around it, which are alike, is a flash when its mean luma (0..255)
 *     exceeds theirs by more than this
 * @param flatSpread a sample whose luma standard deviation (0..255) is below this is flat (black, white, one colour)
 *     and belongs to a transition
 */
public record ShotRules(
        double cellTolerance, double maxChangedShare, int maxShift, double flashRise, double flatSpread) {

    public static final double DEFAULT_CELL_TOLERANCE = 0.5;
    public static final double DEFAULT_MAX_CHANGED_SHARE = 0.5;
    public static final int DEFAULT_MAX_SHIFT = 8;
    public static final double DEFAULT_FLASH_RISE = 20;
    public static final double DEFAULT_FLAT_SPREAD = 4.0;

    public ShotRules {
        if (!(cellTolerance > 0 && cellTolerance < 4)) {
            throw new IllegalArgumentException("cell tolerance must be between 0 and 4, got " + cellTolerance);
        }
        if (!(maxChangedShare > 0 && maxChangedShare < 1)) {
            throw new IllegalArgumentException("shot_change must be between 0 and 1, got " + maxChangedShare);
        }
        if (maxShift < 0 || maxShift >= PictureMeasures.THUMBNAIL_SIDE) {
            throw new IllegalArgumentException("max shift must be between 0 and 15 cells, got " + maxShift);
        }
        if (!(flashRise > 0 && flashRise < 255)) {
            throw new IllegalArgumentException("flash rise must be between 0 and 255, got " + flashRise);
        }
        if (!(flatSpread >= 0 && flatSpread < 64)) {
            throw new IllegalArgumentException("flat_spread must be between 0 and 64, got " + flatSpread);
        }
    }

    public static ShotRules defaults() {
        return new ShotRules(
                DEFAULT_CELL_TOLERANCE,
                DEFAULT_MAX_CHANGED_SHARE,
                DEFAULT_MAX_SHIFT,
                DEFAULT_FLASH_RISE,
                DEFAULT_FLAT_SPREAD);
    }
}
