package com.perfectframe.image;

/**
 * The reduced-scale decoding rule: a JPEG is decoded at 1/2, 1/4 or 1/8 of its size (libjpeg's DCT scaling, so
 * the full-size picture is never made) when both sides of the reduced picture still have at least {@code minSide}
 * pixels. The caller asks for twice the model's input side, so the model's resize still starts from at least twice
 * the pixels it keeps.
 */
public final class DecodeScale {

    private static final int[] DENOMINATORS = {8, 4, 2};

    private DecodeScale() {}

    /**
     * The largest denominator (8, 4 or 2) that keeps both sides at least {@code minSide}, or 1 (full size).
     *
     * @param minSide smallest side the reduced picture may have; 0 or less decodes at full size
     */
    public static int denominator(int width, int height, int minSide) {
        if (minSide <= 0) {
            return 1;
        }
        for (int d : DENOMINATORS) {
            if (reduced(width, d) >= minSide && reduced(height, d) >= minSide) {
                return d;
            }
        }
        return 1;
    }

    /** A side decoded at 1/{@code denominator}: libjpeg rounds up. */
    public static int reduced(int side, int denominator) {
        return (side + denominator - 1) / denominator;
    }
}
