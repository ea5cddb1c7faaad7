package com.perfectframe.quality;

/**
 * What shot segmentation compares between two samples, derived once from a sample's {@link PictureMeasures}: the
 * thumbnail with each colour channel brought to zero mean and unit spread, so that a change of exposure or white
 * balance leaves it alone while a change of content does not; and whether the picture is flat (black, white, one
 * colour), where that normalisation means nothing.
 *
 * <p>About 3 KB a sample; {@link ShotSegmenter} keeps only the few its decisions still need.
 */
public final class ShotSignature {

    /** Side of the signature's planes: the thumbnail's. */
    static final int SIDE = PictureMeasures.THUMBNAIL_SIDE;

    /**
     * A channel whose thumbnail values spread less than this (standard deviation, 0..1) carries no layout: on a
     * 0..255 scale it is 2.5 levels, below what compression noise leaves on a textured picture once averaged into
     * thumbnail cells.
     */
    static final double FLAT_CHANNEL_SPREAD = 0.01;

    /** Levels per colour channel of the colour histogram: 4 × 4 × 4 bins. */
    static final int COLOUR_LEVELS = 4;

    private final float[][] planes = new float[3][SIDE * SIDE];
    private final float[] colours = new float[COLOUR_LEVELS * COLOUR_LEVELS * COLOUR_LEVELS];
    private final double meanLuma;
    private final boolean flat;

    private ShotSignature(PictureMeasures measures, double flatSpread) {
        float[] thumbnail = measures.thumbnail();
        int cells = SIDE * SIDE;
        int flatChannels = 0;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < cells; i++) {
                double v = thumbnail[i * 3 + c];
                sum += v;
                squares += v * v;
            }
            double mean = sum / cells;
            double spread = Math.sqrt(Math.max(0, squares / cells - mean * mean));
            if (spread < FLAT_CHANNEL_SPREAD) {
                flatChannels++;
            }
            double scale = 1 / Math.max(spread, FLAT_CHANNEL_SPREAD);
            for (int i = 0; i < cells; i++) {
                planes[c][i] = (float) ((thumbnail[i * 3 + c] - mean) * scale);
            }
        }
        for (int i = 0; i < cells; i++) {
            int bin = 0;
            for (int c = 0; c < 3; c++) {
                bin = bin * COLOUR_LEVELS + Math.min(COLOUR_LEVELS - 1, (int) (thumbnail[i * 3 + c] * COLOUR_LEVELS));
            }
            colours[bin] += 1f / cells;
        }
        this.meanLuma = measures.meanLuma();
        this.flat = measures.lumaSpread() < flatSpread || flatChannels == 3;
    }

    /**
     * @param flatSpread luma standard deviation (0..255) below which the picture counts as flat, as the quality gate
     *     counts it
     */
    public static ShotSignature of(PictureMeasures measures, double flatSpread) {
        return new ShotSignature(measures, flatSpread);
    }

    /** Black, white or one colour: no layout to compare. */
    public boolean flat() {
        return flat;
    }

    public double meanLuma() {
        return meanLuma;
    }

    /**
     * How far apart the two pictures' colours are, whatever their layout: half the L1 distance of their colour
     * histograms (4 levels per channel, over the thumbnail's cells), 0 (the same colours) to 1 (none in common).
     */
    double colourDistance(ShotSignature other) {
        double sum = 0;
        for (int i = 0; i < colours.length; i++) {
            sum += Math.abs(colours[i] - other.colours[i]);
        }
        return sum / 2;
    }

    float[] plane(int channel) {
        return planes[channel];
    }
}
