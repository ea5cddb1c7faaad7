package com.perfectframe.testing;

/** How far apart two pictures of the same size are, as tests compare ours with an independent reference. */
public final class PixelDifference {

    private PixelDifference() {}

    /** Mean absolute difference of two packed 8-bit pictures (e.g. BGR), in levels of 255. */
    public static double mean(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new AssertionError("pictures of different sizes: " + a.length + " and " + b.length + " bytes");
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / (double) a.length;
    }
}
