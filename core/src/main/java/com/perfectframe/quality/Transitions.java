package com.perfectframe.quality;

/**
 * Finds dissolves and fades from three consecutive samples, on their thumbnails: during a dissolve each frame is
 * nearly a weighted sum of the shots before and after it, and a fade is the same with black on one side.
 */
public final class Transitions {

    private Transitions() {}

    /**
     * Least-squares fit of {@code current ≈ alpha·previous + (1−alpha)·next} on the thumbnails. When the neighbours
     * are equal every alpha fits alike: alpha is then 0.5 and the residual the distance to them.
     */
    public static TransitionFit fit(PictureMeasures previous, PictureMeasures current, PictureMeasures next) {
        float[] p = previous.thumbnail();
        float[] c = current.thumbnail();
        float[] n = next.thumbnail();
        double across = 0;
        double along = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - n[i];
            along += (c[i] - n[i]) * d;
            across += d * d;
        }
        double alpha = across > 0 ? along / across : 0.5;
        double residual = 0;
        for (int i = 0; i < p.length; i++) {
            residual += Math.abs(c[i] - (alpha * p[i] + (1 - alpha) * n[i]));
        }
        return new TransitionFit(alpha, residual / p.length, Similarity.thumbnailDistance(previous, next));
    }
}
