package com.perfectframe.extract.select;

import java.util.Arrays;

/** The percentile of a set of scores, computed like NumPy's default (linear interpolation between ranks). */
public final class Percentile {

    private Percentile() {}

    public static double of(float[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            sorted[i] = values[i];
        }
        Arrays.sort(sorted);
        double rank = percent / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }
}
