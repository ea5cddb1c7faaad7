package com.perfectframe.quality;

/**
 * How much of one picture's layout is not found in another's, allowing for the camera's motion between them: the
 * share of thumbnail cells that differ, for the best of a few shifts and zooms of one onto the other (a pan moves
 * the layout, a zoom scales it, a subject crossing the frame changes only the cells it covers, a change of light
 * changes no normalised cell). Two samples of one shot leave a small share; a cut leaves most cells different.
 *
 * <p>Cheap where it matters: the unmoved comparison (about 800 operations) settles most pairs; the search over
 * motions (a few hundred comparisons of 256 cells) runs only for pairs that differ unmoved.
 */
final class LayoutMatch {

    /** Zoom factors tried besides 1: what a fast zoom does in a second, in and out. */
    private static final double[] ZOOMS = {1.25, 0.8, 1.5, 1 / 1.5};

    /** Shifts tried with each zoom, in cells, either way (the zoom's centre need not be the picture's). */
    private static final int ZOOM_SHIFT = 2;

    /** Least share of the cells that must overlap for a motion to count: beyond it too little is compared. */
    private static final double MIN_OVERLAP = 0.35;

    private LayoutMatch() {}

    /**
     * Whether, for some shift of at most {@code maxShift} cells or zoom of {@code b}, at most {@code maxShare} of
     * the cells of {@code a} differ by more than {@code cellTolerance} (normalised units); flat pictures match each
     * other only. Stops at the first motion that matches: the unmoved one, then shifts by increasing length.
     */
    static boolean matches(ShotSignature a, ShotSignature b, double cellTolerance, int maxShift, double maxShare) {
        if (a.flat() || b.flat()) {
            return a.flat() && b.flat();
        }
        if (share(a, b, 1, 0, 0, cellTolerance, maxShare) <= maxShare) {
            return true;
        }
        for (int ring = 1; ring <= maxShift; ring++) {
            for (int dy = -ring; dy <= ring; dy++) {
                for (int dx = -ring; dx <= ring; dx++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) == ring
                            && share(a, b, 1, dx, dy, cellTolerance, maxShare) <= maxShare) {
                        return true;
                    }
                }
            }
        }
        for (double zoom : ZOOMS) {
            for (int dy = -ZOOM_SHIFT; dy <= ZOOM_SHIFT; dy++) {
                for (int dx = -ZOOM_SHIFT; dx <= ZOOM_SHIFT; dx++) {
                    if (share(a, b, zoom, dx, dy, cellTolerance, maxShare) <= maxShare) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The least share of differing cells over every motion tried (see {@link #matches}), for diagnostics. */
    static double differingShare(ShotSignature a, ShotSignature b, double cellTolerance, int maxShift) {
        if (a.flat() || b.flat()) {
            return a.flat() && b.flat() ? 0 : 1;
        }
        double best = share(a, b, 1, 0, 0, cellTolerance, 1);
        for (int dy = -maxShift; dy <= maxShift; dy++) {
            for (int dx = -maxShift; dx <= maxShift; dx++) {
                best = Math.min(best, share(a, b, 1, dx, dy, cellTolerance, best));
            }
        }
        for (double zoom : ZOOMS) {
            for (int dy = -ZOOM_SHIFT; dy <= ZOOM_SHIFT; dy++) {
                for (int dx = -ZOOM_SHIFT; dx <= ZOOM_SHIFT; dx++) {
                    best = Math.min(best, share(a, b, zoom, dx, dy, cellTolerance, best));
                }
            }
        }
        return best;
    }

    /**
     * Share of the overlapping cells of {@code a} whose value differs from {@code b} at {@code (x − c) / zoom + c +
     * d}; gives up (returning 1) once the share cannot beat {@code bound}.
     */
    private static double share(
            ShotSignature a, ShotSignature b, double zoom, int dx, int dy, double tolerance, double bound) {
        int side = ShotSignature.SIDE;
        double centre = (side - 1) / 2.0;
        int[] from = new int[side];
        int[] fromY = new int[side];
        for (int i = 0; i < side; i++) {
            from[i] = (int) Math.round((i - centre) / zoom + centre + dx);
            fromY[i] = (int) Math.round((i - centre) / zoom + centre + dy);
        }
        int overlap = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (from[x] >= 0 && from[x] < side && fromY[y] >= 0 && fromY[y] < side) {
                    overlap++;
                }
            }
        }
        if (overlap < MIN_OVERLAP * side * side) {
            return 1;
        }
        int allowed = (int) Math.floor(bound * overlap);
        int differing = 0;
        float[] a0 = a.plane(0);
        float[] a1 = a.plane(1);
        float[] a2 = a.plane(2);
        float[] b0 = b.plane(0);
        float[] b1 = b.plane(1);
        float[] b2 = b.plane(2);
        double limit = 3 * tolerance;
        for (int y = 0; y < side; y++) {
            int sy = fromY[y];
            if (sy < 0 || sy >= side) {
                continue;
            }
            for (int x = 0; x < side; x++) {
                int sx = from[x];
                if (sx < 0 || sx >= side) {
                    continue;
                }
                int i = y * side + x;
                int j = sy * side + sx;
                double d = Math.abs(a0[i] - b0[j]) + Math.abs(a1[i] - b1[j]) + Math.abs(a2[i] - b2[j]);
                if (d > limit && ++differing > allowed) {
                    return 1;
                }
            }
        }
        return (double) differing / overlap;
    }
}
