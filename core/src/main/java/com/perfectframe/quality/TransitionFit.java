package com.perfectframe.quality;

/**
 * How well a sample is explained as a mix of the samples before and after it (a dissolve, a fade to or from black):
 * such a frame shows two pictures at once, or a dimmed one, and is rarely worth keeping. Made by
 * {@link Transitions#fit}.
 *
 * @param alpha weight of the previous sample in the best mix {@code alpha·previous + (1−alpha)·next}; 1 is the
 *     previous sample alone, 0 the next one alone. Not limited to 0..1: a sample unlike both gives any value
 * @param residual mean absolute difference, 0..1, between the sample's thumbnail and the best mix
 * @param neighbourDistance mean absolute difference, 0..1, between the previous and the next thumbnails
 */
public record TransitionFit(double alpha, double residual, double neighbourDistance) {

    /**
     * The neighbours must differ by at least this (thumbnail distance, 0..1) for a mix to mean anything: within one
     * static shot every sample is a "mix" of its equal neighbours. Noise alone stays under 0.001 in the tests and a
     * slow pan (1.5% of the width a second) under 0.04; a change of scene measures about 0.24, a fade to black 0.5.
     */
    public static final double MIN_NEIGHBOUR_DISTANCE = 0.04;

    /**
     * Least weight of the previous sample for a mix. Near 0 or 1 the sample is just one of its neighbours (a cut
     * lands there); 0.15 keeps mixes that show the other picture at 15% or more, which the eye sees as a ghost.
     */
    public static final double MIN_ALPHA = 0.15;

    /** Greatest weight of the previous sample for a mix: the mirror of {@link #MIN_ALPHA}. */
    public static final double MAX_ALPHA = 0.85;

    /**
     * Greatest residual, relative to {@link #neighbourDistance}, for the mix to explain the sample. A mix leaves only
     * noise and the motion within the shots (under 0.01 for still shots with noise in the tests); an unrelated picture
     * leaves about as much as the neighbours' own difference (0.8 to 0.9). Kept well below 0.3 because a pan is also
     * roughly "between" its neighbours on a 16x16 thumbnail: pans of 1.5% to 25% of the width a second leave 0.14 to
     * 0.6 in the tests, and several of them would pass at 0.3.
     */
    public static final double MAX_RELATIVE_RESIDUAL = 0.1;

    /** Checks that the numbers are finite and the distances not negative. */
    public TransitionFit {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        if (!(residual >= 0) || !(neighbourDistance >= 0)) {
            throw new IllegalArgumentException(
                    "distances must be at least 0, got " + residual + " and " + neighbourDistance);
        }
    }

    /**
     * True when the sample is clearly a mix: the neighbours differ (at least {@link #MIN_NEIGHBOUR_DISTANCE}), alpha
     * lies within {@link #MIN_ALPHA}..{@link #MAX_ALPHA}, and the residual is at most {@link #MAX_RELATIVE_RESIDUAL}
     * of the neighbours' distance.
     */
    public boolean looksLikeMix() {
        return neighbourDistance >= MIN_NEIGHBOUR_DISTANCE
                && alpha >= MIN_ALPHA
                && alpha <= MAX_ALPHA
                && residual <= MAX_RELATIVE_RESIDUAL * neighbourDistance;
    }
}
