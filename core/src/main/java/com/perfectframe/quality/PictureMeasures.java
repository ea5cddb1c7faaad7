package com.perfectframe.quality;

/**
 * What the selection rules know about one picture: a few numbers, a 64-bit hash and a tiny thumbnail, cheap enough to
 * keep for every sample of a video (about 3 KB each, nearly all of it the thumbnail). Made by {@link PictureMeasurer};
 * compared by {@link Similarity} and {@link Transitions}.
 *
 * <p>All numbers are taken at {@link PictureMeasurer#WORKING_SIDE}, so they compare across videos of different
 * resolutions. The thumbnail array is not copied, for cost: treat it as read-only. {@code equals} compares it by
 * identity.
 *
 * @param sharpness variance of the Laplacian of the luma at the working size; higher is sharper. Depends on the
 *     content too (a flat sky is never sharp), so it is best compared between samples of one shot or video
 * @param meanLuma mean luma, 0..255
 * @param darkShare share of pixels with luma at most {@link #DARK_LUMA} (crushed blacks), 0..1
 * @param brightShare share of pixels with luma at least {@link #BRIGHT_LUMA} (blown highlights), 0..1
 * @param lumaSpread standard deviation of the luma, 0..about 128; near 0 for a flat picture (black, white, one colour)
 * @param hash 64-bit difference hash (dHash) of the luma, compared with {@link Similarity#hammingDistance}
 * @param thumbnail {@link #THUMBNAIL_SIDE} x {@link #THUMBNAIL_SIDE} colour thumbnail, row by row, B, G, R per pixel,
 *     each in 0..1 (a grey picture gives three equal values)
 */
public record PictureMeasures(
        double sharpness,
        double meanLuma,
        double darkShare,
        double brightShare,
        double lumaSpread,
        long hash,
        float[] thumbnail) {

    /** Luma at or below which a pixel counts as crushed black (16: video's black level). */
    public static final int DARK_LUMA = 16;

    /** Luma at or above which a pixel counts as blown out (240: just above video's white level, 235). */
    public static final int BRIGHT_LUMA = 240;

    /** Side of the square thumbnail: 16 keeps colour layout for fits and distances at 768 values a sample. */
    public static final int THUMBNAIL_SIDE = 16;

    /** Number of values in a thumbnail: side x side x 3 (B, G, R). */
    public static final int THUMBNAIL_LENGTH = THUMBNAIL_SIDE * THUMBNAIL_SIDE * 3;

    /** Checks the ranges, so that the comparisons can rely on them. */
    public PictureMeasures {
        requireAtLeastZero("sharpness", sharpness);
        requireIn("meanLuma", meanLuma, 255);
        requireIn("darkShare", darkShare, 1);
        requireIn("brightShare", brightShare, 1);
        requireAtLeastZero("lumaSpread", lumaSpread);
        if (thumbnail == null || thumbnail.length != THUMBNAIL_LENGTH) {
            throw new IllegalArgumentException("thumbnail must have " + THUMBNAIL_LENGTH + " values, got "
                    + (thumbnail == null ? "none" : thumbnail.length));
        }
        for (float v : thumbnail) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("thumbnail values must be in 0..1, got " + v);
            }
        }
    }

    private static void requireAtLeastZero(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and at least 0, got " + value);
        }
    }

    private static void requireIn(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in 0.." + max + ", got " + value);
        }
    }
}
