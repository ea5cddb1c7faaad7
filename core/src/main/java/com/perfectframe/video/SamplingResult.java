package com.perfectframe.video;

import java.util.Locale;

/**
 * What sampling one video did: how many samples were planned and delivered, what the decoder was spared, and how
 * much of the video's declared duration the samples cover.
 *
 * @param planned samples the schedule asked for
 * @param delivered samples handed to the consumer
 * @param packetsRead video packets read from the file (both passes not counted: decode pass only)
 * @param packetsDecoded packets fed to the decoder
 * @param seeks keyframe seeks made
 * @param problem why the video is incomplete (truncated, undecodable frames), or null when every sample came out
 * @param coveredSeconds how far into the video the delivered samples reach (the end of what was read when every
 *     sample came out, else the last sample's time); NaN when not known
 * @param durationSeconds the duration the file declares (its video stream's, else the container's); NaN when it
 *     declares none
 */
public record SamplingResult(
        int planned,
        int delivered,
        long packetsRead,
        long packetsDecoded,
        int seeks,
        String problem,
        double coveredSeconds,
        double durationSeconds) {

    /**
     * Samples are one a second: they cover a video that ends within this of what they reach (the one-second step,
     * and half a second for an audio track that outlasts the picture and for rounding).
     */
    public static final double COVERAGE_SLACK_SECONDS = 1.5;

    /** A result that says nothing about coverage. */
    public SamplingResult(
            int planned, int delivered, long packetsRead, long packetsDecoded, int seeks, String problem) {
        this(planned, delivered, packetsRead, packetsDecoded, seeks, problem, Double.NaN, Double.NaN);
    }

    public boolean complete() {
        return problem == null && delivered == planned;
    }

    /** "samples cover 00:00:11 of 00:00:40" when the samples stop short of the declared duration, else null. */
    public String shortfall() {
        return shortfall(coveredSeconds, durationSeconds);
    }

    static String shortfall(double covered, double duration) {
        if (!Double.isFinite(covered) || !Double.isFinite(duration) || covered + COVERAGE_SLACK_SECONDS >= duration) {
            return null;
        }
        return "samples cover " + clock(covered) + " of " + clock(duration);
    }

    /** {@code hh:mm:ss}, whole seconds rounded down. */
    static String clock(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    SamplingResult withCoverage(double covered, double duration) {
        return new SamplingResult(planned, delivered, packetsRead, packetsDecoded, seeks, problem, covered, duration);
    }
}
