package com.perfectframe.video.container;

import java.util.Arrays;

/**
 * The packet index of a video stream, in decode order, read without decoding.
 *
 * <p>It is what sampling is planned from: which packets are keyframes, which can be skipped, and the presentation
 * time of each. A few bytes per packet, so even hours of video fit in a few megabytes.
 */
public final class VideoIndex {

    /** Marks a packet without a presentation timestamp. */
    public static final long NO_PTS = Long.MIN_VALUE;

    private final long[] pts;
    private final boolean[] key;
    private final boolean[] droppable;
    private final boolean[] hidden;
    private final int timeBaseNum;
    private final int timeBaseDen;
    private final double declaredFps;

    public VideoIndex(
            long[] pts,
            boolean[] key,
            boolean[] droppable,
            boolean[] hidden,
            int timeBaseNum,
            int timeBaseDen,
            double declaredFps) {
        int n = pts.length;
        if (key.length != n || droppable.length != n || hidden.length != n) {
            throw new IllegalArgumentException("index arrays differ in length");
        }
        if (timeBaseNum <= 0 || timeBaseDen <= 0) {
            throw new IllegalArgumentException("time base must be positive");
        }
        this.pts = pts;
        this.key = key;
        this.droppable = droppable;
        this.hidden = hidden;
        this.timeBaseNum = timeBaseNum;
        this.timeBaseDen = timeBaseDen;
        this.declaredFps = declaredFps;
    }

    public int size() {
        return pts.length;
    }

    public long pts(int i) {
        return pts[i];
    }

    public boolean isKey(int i) {
        return key[i];
    }

    /** True when no other frame depends on this packet, so it need not be decoded unless it is a sample. */
    public boolean isDroppable(int i) {
        return droppable[i];
    }

    /** Frames per second the container declares, or NaN when it declares none. */
    public double declaredFps() {
        return declaredFps;
    }

    public double seconds(long ticks) {
        return ticks * (double) timeBaseNum / timeBaseDen;
    }

    public long ticks(double seconds) {
        return Math.round(seconds * timeBaseDen / timeBaseNum);
    }

    /** True when every shown packet has a distinct presentation timestamp, which planned sampling relies on. */
    public boolean hasUsablePts() {
        long[] shown = shownPtsSorted();
        if (shown.length == 0) {
            return false;
        }
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] == NO_PTS || (i > 0 && shown[i] == shown[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Presentation timestamps of the shown frames in display order. */
    public long[] shownPtsSorted() {
        return Arrays.stream(displayOrder()).mapToLong(i -> pts[i]).toArray();
    }

    /** Decode indices of the shown frames, sorted by presentation time. */
    public int[] displayOrder() {
        int count = 0;
        for (boolean h : hidden) {
            if (!h) {
                count++;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0, j = 0; i < pts.length; i++) {
            if (!hidden[i]) {
                order[j++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Long.compare(pts[a], pts[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** Accumulates packets during the index pass. */
    static final class Builder {
        private long[] pts = new long[1024];
        private boolean[] key = new boolean[1024];
        private boolean[] droppable = new boolean[1024];
        private boolean[] hidden = new boolean[1024];
        private int size;

        Builder add(long packetPts, boolean isKey, boolean isDroppable, boolean isHidden) {
            if (size == pts.length) {
                int capacity = size * 2;
                pts = Arrays.copyOf(pts, capacity);
                key = Arrays.copyOf(key, capacity);
                droppable = Arrays.copyOf(droppable, capacity);
                hidden = Arrays.copyOf(hidden, capacity);
            }
            pts[size] = packetPts;
            key[size] = isKey;
            droppable[size] = isDroppable && !isKey;
            hidden[size] = isHidden;
            size++;
            return this;
        }

        /** Marks packet i as droppable or not after the fact (HEVC needs the whole stream's temporal layers). */
        void setDroppable(int i, boolean value) {
            droppable[i] = value && !key[i];
        }

        public int size() {
            return size;
        }

        VideoIndex build(int timeBaseNum, int timeBaseDen, double declaredFps) {
            return new VideoIndex(
                    Arrays.copyOf(pts, size),
                    Arrays.copyOf(key, size),
                    Arrays.copyOf(droppable, size),
                    Arrays.copyOf(hidden, size),
                    timeBaseNum,
                    timeBaseDen,
                    declaredFps);
        }
    }
}
