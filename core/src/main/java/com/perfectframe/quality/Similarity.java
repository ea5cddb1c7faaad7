package com.perfectframe.quality;

/**
 * Whether two pictures show the same thing: the hash catches the layout, the thumbnail the colours and exposure. Both
 * must agree for near-duplicates, so that neither a hash collision between different colours nor two thumbnails
 * alike in average colour but different in layout makes a pair.
 */
public final class Similarity {

    /**
     * Default hash distance, in bits of 64, up to which two pictures may be near-duplicates. Noise (deviation 10) and
     * a brightness change of 2 or 5% flip 0 or 1 bit in the tests; different scenes differ by about 30 (chance is 32)
     * and a 30% pan of one scene by 35 to 47. A pan of 5% already flips 13 to 20: the hash is made for repeats of a
     * still shot, not for slow motion. 10 leaves room for a little motion while staying far from chance.
     */
    public static final int DEFAULT_MAX_HASH_BITS = 10;

    /**
     * Thumbnail distance (mean absolute difference, 0..1) up to which two pictures may be near-duplicates. Noise stays
     * under 0.001 in the tests, a 2% brightness change at 0.01, 5% at 0.024; different scenes measure about 0.25, a 30%
     * pan about 0.2, a 5% pan 0.065. 0.05 is 13 levels of 255 on average: a change of exposure or colour the eye sees
     * at once is more.
     */
    public static final double MAX_THUMBNAIL_DISTANCE = 0.05;

    private Similarity() {}

    /** Number of bits that differ between two hashes, 0..64. */
    public static int hammingDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Mean absolute difference of two thumbnails, 0..1 (0: the same thumbnail). */
    public static double thumbnailDistance(PictureMeasures a, PictureMeasures b) {
        float[] x = a.thumbnail();
        float[] y = b.thumbnail();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        return sum / x.length;
    }

    /**
     * Near-duplicates: the hashes differ by at most {@code maxHashBits} (use {@link #DEFAULT_MAX_HASH_BITS} unless
     * the caller knows better) and the thumbnails by at most {@link #MAX_THUMBNAIL_DISTANCE}.
     */
    public static boolean nearDuplicates(PictureMeasures a, PictureMeasures b, int maxHashBits) {
        return hammingDistance(a.hash(), b.hash()) <= maxHashBits && thumbnailDistance(a, b) <= MAX_THUMBNAIL_DISTANCE;
    }
}
