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

    /** Zoom factors tried besides 1, each both ways (in and out): what a fast zoom does in a second. */
    private static final double[] ZOOMS = {1.25, 1.5, 2};

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
        for (int ring = 1; ring <= 2 * maxShift; ring++) {
            for (int dy = -ring; dy <= ring; dy++) {
                for (int dx = -ring; dx <= ring; dx++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) == ring
                            && share(a, b, 1, dx / 2.0, dy / 2.0, cellTolerance, maxShare) <= maxShare) {
                        return true;
                    }
                }
            }
        }
        for (double zoom : ZOOMS) {
            for (int dy = -ZOOM_SHIFT; dy <= ZOOM_SHIFT; dy++) {
                for (int dx = -ZOOM_SHIFT; dx <= ZOOM_SHIFT; dx++) {
                    // a's cells looked up in b magnified, and b's in a: one of them is the zoom in either direction.
                    if (share(a, b, zoom, dx, dy, cellTolerance, maxShare) <= maxShare
                            || share(b, a, zoom, dx, dy, cellTolerance, maxShare) <= maxShare) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Share of the overlapping cells of {@code a} whose value differs from {@code b} looked up (bilinearly) at
     * {@code (x − c) / zoom + c + d}; gives up (returning 1) once the share cannot beat {@code bound}.
     */
    private static double share(
            ShotSignature a, ShotSignature b, double zoom, double dx, double dy, double tolerance, double bound) {
        int side = ShotSignature.SIDE;
        double centre = (side - 1) / 2.0;
        int first = side;
        int last = -1;
        int firstY = side;
        int lastY = -1;
        for (int i = 0; i < side; i++) {
            double x = (i - centre) / zoom + centre + dx;
            if (x >= 0 && x <= side - 1) {
                first = Math.min(first, i);
                last = i;
            }
            double y = (i - centre) / zoom + centre + dy;
            if (y >= 0 && y <= side - 1) {
                firstY = Math.min(firstY, i);
                lastY = i;
            }
        }
        int overlap = Math.max(0, last - first + 1) * Math.max(0, lastY - firstY + 1);
        if (overlap < MIN_OVERLAP * side * side) {
            return 1;
        }
        int allowed = (int) Math.floor(bound * overlap);
        int differing = 0;
        double limit = 3 * tolerance;
        for (int y = firstY; y <= lastY; y++) {
            double sy = (y - centre) / zoom + centre + dy;
            int y0 = Math.min((int) sy, side - 2);
            double fy = sy - y0;
            for (int x = first; x <= last; x++) {
                double sx = (x - centre) / zoom + centre + dx;
                int x0 = Math.min((int) sx, side - 2);
                double fx = sx - x0;
                int i = y * side + x;
                int j = y0 * side + x0;
                double d = 0;
                for (int c = 0; c < 3; c++) {
                    float[] p = b.plane(c);
                    double top = p[j] + (p[j + 1] - p[j]) * fx;
                    double bottom = p[j + side] + (p[j + side + 1] - p[j + side]) * fx;
                    d += Math.abs(a.plane(c)[i] - (top + (bottom - top) * fy));
                }
                if (d > limit && ++differing > allowed) {
                    return 1;
                }
            }
        }
        return (double) differing / overlap;
    }
}
