package com.perfectframe.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a video into shots from its samples' measures, one sample at a time, in sample order: every sample gets a
 * shot number and a role ({@link ShotMark}). It decides a sample as soon as the next one has come (one sample of
 * look-ahead) and keeps only three samples' signatures, so it costs no memory with the video's length.
 *
 * <p>The method, at one sample a second:
 * <ul>
 *   <li>Each shot has an <em>anchor</em>, its latest plain sample. A sample starts a new shot when its layout is not
 *       found in the anchor's ({@link LayoutMatch}: most thumbnail cells differ for every shift and zoom tried, after
 *       each colour channel is normalised, so that a pan, a zoom, a subject crossing the frame or a change of light
 *       stay in the shot) — unless the sample after it is found in the anchor again: then the sample is an outlier
 *       of the shot, a <em>flash</em> when it is brighter than both neighbours, and no boundary.
 *   <li>A sample that is flat (black, white, one colour), a mix of its two neighbours (a dissolve or a fade, see
 *       {@link Transitions}) or made of cells of one neighbour and cells of the other, neither flat (a wipe) is a
 *       <em>transition</em> sample: it never becomes an anchor, so a whole fade or dissolve, however many samples it
 *       spans, gives one boundary, between the last plain sample before it and the first after it.
 * </ul>
 * Transition samples keep the number of the shot they follow; a boundary is where the number changes.
 */
public final class ShotSegmenter {

    /** What a sample is within its shot. */
    public enum Role {
        /** A plain sample of its shot. */
        SHOT,
        /** Part of a fade, dissolve or wipe between shots, or flat. */
        TRANSITION,
        /** A few bright frames in a shot (a camera flash): unlike the samples around it, which are alike. */
        FLASH
    }

    /** The shot (0, 1, 2, … in the video's order) and role of one sample. */
    public record ShotMark(int ordinal, int shot, Role role) {}

    /**
     * A wipe's cell is explained by a neighbour when its thumbnail values (0..1, summed over B, G, R) are within
     * this of the neighbour's.
     */
    static final double WIPE_CELL_TOLERANCE = 0.12;

    /** Least share of the cells where the neighbours differ that one neighbour or the other must explain. */
    static final double WIPE_EXPLAINED = 0.85;

    /** Least share of those cells each side must explain for a wipe rather than one of the neighbours. */
    static final double WIPE_SIDE = 0.15;

    /**
     * Colour histograms this far apart (0..1) share next to no colour: a sample and the next one of a pan, a zoom
     * or a change of light measured up to 0.7 in the benchmark, cuts mostly above 0.9.
     */
    static final double DIFFERENT_COLOURS = 0.9;

    /** The share of differing cells two samples of unlike colours may have and still be one shot. */
    static final double CLOSE_LAYOUT = 0.25;

    /**
     * Sharpness (variance of the Laplacian at 480 px) below which a picture has no texture: a smooth gradient measures
     * under 0.3, textured pictures tens to thousands.
     */
    static final double MIN_TEXTURE = 2.0;

    /** Luma difference (0..1) of a thumbnail cell within which a flash may leave a cell as it was. */
    static final double FLASH_NOISE = 0.02;

    /** Least share of the cells a flash sample must be at least as bright in as its neighbours. */
    static final double FLASH_BRIGHTER_SHARE = 0.97;

    /** A sample whose luma spread is below this share of a neighbour's has lost contrast: it is fading. */
    static final double DIMMED = 0.8;

    private record Seen(int ordinal, PictureMeasures measures, ShotSignature signature) {}

    private final ShotRules rules;
    private Seen before;
    private Seen current;
    private Seen anchor;
    private int shot;

    public ShotSegmenter(ShotRules rules) {
        this.rules = rules;
    }

    /** The next sample, in ordinal order; returns the marks decided by it (the previous sample's, usually). */
    public List<ShotMark> add(int ordinal, PictureMeasures measures) {
        Seen next = new Seen(ordinal, measures, ShotSignature.of(measures, rules.flatSpread()));
        List<ShotMark> marks = new ArrayList<>(1);
        if (current != null) {
            marks.add(decide(current.ordinal() + 1 == ordinal ? next : null));
        }
        before = current;
        current = next;
        return marks;
    }

    /** A sample that will not come: its neighbours are no longer adjacent. */
    public List<ShotMark> skip(int ordinal) {
        List<ShotMark> marks = new ArrayList<>(1);
        if (current != null) {
            marks.add(decide(null));
        }
        before = null;
        current = null;
        return marks;
    }

    /** The video ended: decides the last sample. */
    public List<ShotMark> finish() {
        return skip(-1);
    }

    private ShotMark decide(Seen next) {
        Seen c = current;
        Seen b = before != null && before.ordinal() + 1 == c.ordinal() ? before : null;
        if (b != null && next != null && isFlash(b, c, next)) {
            return new ShotMark(c.ordinal(), shot, Role.FLASH);
        }
        boolean changed = anchor != null && !sameShot(anchor, c);
        if (changed && next != null && !next.signature().flat() && sameShot(anchor, next)) {
            // Unlike the shot, which goes on after it: an outlier of the shot, not a boundary.
            return new ShotMark(c.ordinal(), shot, isTransition(b, c, next) ? Role.TRANSITION : Role.SHOT);
        }
        if (isTransition(b, c, next)) {
            return new ShotMark(c.ordinal(), shot, Role.TRANSITION);
        }
        if (changed) {
            shot++;
        }
        anchor = c;
        return new ShotMark(c.ordinal(), shot, Role.SHOT);
    }

    /**
     * Much brighter than both neighbours, which are alike, brighter than them nearly everywhere (a flash lights the
     * whole view at once; a brighter picture of another layout is darker somewhere), and brighter than a normal
     * exposure (the one well-lit sample among dark ones is not a flash): a flash.
     */
    private boolean isFlash(Seen b, Seen c, Seen next) {
        double around = Math.max(b.signature().meanLuma(), next.signature().meanLuma());
        return c.signature().meanLuma() > around + rules.flashRise()
                && c.signature().meanLuma() > rules.flashLuma()
                && !b.signature().flat()
                && sameShot(b, next)
                && brighterAlmostEverywhere(c.measures(), b.measures())
                && brighterAlmostEverywhere(c.measures(), next.measures());
    }

    /** Whether nearly every thumbnail cell of {@code a} is at least as bright as in {@code b} (to noise). */
    static boolean brighterAlmostEverywhere(PictureMeasures a, PictureMeasures b) {
        float[] x = a.thumbnail();
        float[] y = b.thumbnail();
        int darker = 0;
        int cells = x.length / 3;
        for (int i = 0; i < x.length; i += 3) {
            double lx = 0.114 * x[i] + 0.587 * x[i + 1] + 0.299 * x[i + 2];
            double ly = 0.114 * y[i] + 0.587 * y[i + 1] + 0.299 * y[i + 2];
            if (lx < ly - FLASH_NOISE) {
                darker++;
            }
        }
        return darker <= (1 - FLASH_BRIGHTER_SHARE) * cells;
    }

    /**
     * One shot: the layout is found again (see {@link LayoutMatch}); when the colours have next to nothing in common
     * ({@link #DIFFERENT_COLOURS}) it must be found closely ({@link #CLOSE_LAYOUT}), since a smooth picture's layout
     * is easily "found" in another's.
     */
    private boolean sameShot(Seen a, Seen b) {
        ShotSignature x = a.signature();
        ShotSignature y = b.signature();
        double limit = x.colourDistance(y) >= DIFFERENT_COLOURS
                ? Math.min(CLOSE_LAYOUT, rules.maxChangedShare())
                : rules.maxChangedShare();
        return LayoutMatch.matches(x, y, rules.cellTolerance(), rules.maxShift(), limit);
    }

    private boolean isTransition(Seen b, Seen c, Seen next) {
        if (c.signature().flat()) {
            return true;
        }
        if (b == null || next == null) {
            return false;
        }
        if (!b.signature().flat()
                && !next.signature().flat()
                && Math.max(b.measures().sharpness(), next.measures().sharpness()) < MIN_TEXTURE) {
            // Smooth pictures (skies, gradients): any of them is "a mix" of its smooth neighbours.
            return false;
        }
        if (!b.signature().flat() && !next.signature().flat() && sameLayout(b, next) && !dimmed(b, c, next)) {
            // One shot on both sides (a pan, a change of light): a sample between its neighbours is no transition,
            // unless it loses contrast on the way (a fade has begun).
            return false;
        }
        return Transitions.fit(b.measures(), c.measures(), next.measures()).looksLikeMix()
                || (!b.signature().flat()
                        && !next.signature().flat()
                        && wipe(b.measures(), c.measures(), next.measures()));
    }

    /**
     * The layout found again, whatever the colours: whether the neighbours of a mix show one view (a pan, a change of
     * light or colour, a drifting gradient) rather than two pictures.
     */
    private boolean sameLayout(Seen a, Seen b) {
        return LayoutMatch.matches(
                a.signature(), b.signature(), rules.cellTolerance(), rules.maxShift(), rules.maxChangedShare());
    }

    /** Whether the sample has clearly less contrast than the more contrasted of its neighbours: a fade. */
    private static boolean dimmed(Seen b, Seen c, Seen next) {
        double around = Math.max(b.measures().lumaSpread(), next.measures().lumaSpread());
        return c.measures().lumaSpread() < DIMMED * around;
    }

    /** Whether the sample is made of cells of its previous neighbour and cells of its next one, both in fair share. */
    static boolean wipe(PictureMeasures previous, PictureMeasures current, PictureMeasures next) {
        float[] p = previous.thumbnail();
        float[] c = current.thumbnail();
        float[] n = next.thumbnail();
        int differing = 0;
        int fromPrevious = 0;
        int fromNext = 0;
        for (int i = 0; i < p.length; i += 3) {
            double pn = cellDistance(p, n, i);
            if (pn <= 2 * WIPE_CELL_TOLERANCE) {
                continue;
            }
            differing++;
            double cp = cellDistance(c, p, i);
            double cn = cellDistance(c, n, i);
            if (cp <= WIPE_CELL_TOLERANCE && cp < cn) {
                fromPrevious++;
            } else if (cn <= WIPE_CELL_TOLERANCE) {
                fromNext++;
            }
        }
        int cells = p.length / 3;
        return differing >= cells / 4
                && fromPrevious + fromNext >= WIPE_EXPLAINED * differing
                && Math.min(fromPrevious, fromNext) >= WIPE_SIDE * differing;
    }

    private static double cellDistance(float[] a, float[] b, int i) {
        return Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
    }
}
