package com.perfectframe.options;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.select.QualityRules;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The best-frames extractor's options, shared by the command line and the Spark job so that both take the same names
 * and defaults (the defaults' owner is {@link ExtractionRequest}).
 */
public final class BestFramesOptions {

    @Option(
            names = {"--all_frames", "--all-frames"},
            description = "Write every 1-second sample, without scoring (frames extraction).")
    boolean allFrames;

    @Mixin
    BatchSizeOption batchSize = new BatchSizeOption();

    @Mixin
    GroupSizeOption groupSize = new GroupSizeOption();

    @Option(
            names = {"--no_quality_gate", "--no-quality-gate"},
            description = "Take the best NIMA score of each group as the original does, without rejecting blurred, "
                    + "dark, flat or mid-transition samples first.")
    boolean noQualityGate;

    @Option(
            names = {"--distinct"},
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Collapse a frame that looks like any frame kept earlier from the same video into the better "
                    + "one (default: on with --top, off otherwise).")
    Boolean distinct;

    @Option(
            names = {"--per_shot", "--per-shot"},
            description = "One picture per shot (its best sample after the quality gate) instead of one per group; "
                    + "a shot whose content keeps changing gives another picture each time it drifted (see "
                    + "--shot_drift).")
    boolean perShot;

    @Option(
            names = {"--shot_drift", "--shot-drift"},
            paramLabel = "D",
            description = "With --per_shot: mean thumbnail difference (0-1) from the first sample of a stretch of a "
                    + "shot beyond which the shot gives another picture (default: "
                    + ExtractionRequest.Curation.DEFAULT_SHOT_DRIFT
                    + ").")
    Double shotDrift;

    @Option(
            names = {"--top"},
            paramLabel = "N",
            description =
                    "Keep only the N best distinct frames of each video, from N different shots when it has as many, "
                            + "spread over it (default: one per group).")
    Integer top;

    @Option(
            names = {"--min_gap", "--min-gap"},
            paramLabel = "SECONDS",
            description = "With --top: least time between two kept frames (default: 1/(2N) of the video's length).")
    Double minGap;

    @Option(
            names = {"--samples_csv", "--samples-csv"},
            description = "Write every sample's time, score, quality measures and verdict to samples.csv in the output "
                    + "folder.")
    boolean samplesCsv;

    @Option(
            names = {"--sharpness_ratio", "--sharpness-ratio"},
            paramLabel = "R",
            description = "Quality gate: a sample less sharp than R times the sharpest sample of its group (same "
                    + "shot) or shot is blurred (default: "
                    + QualityRules.DEFAULT_SHARPNESS_RATIO + ").")
    Double sharpnessRatio;

    @Option(
            names = {"--exposure_margin", "--exposure-margin"},
            paramLabel = "M",
            description = "Quality gate: a sample whose share of crushed blacks (blown highlights) exceeds its group's "
                    + "best (lowest) by more than M is too dark (overexposed) (default: "
                    + QualityRules.DEFAULT_EXPOSURE_MARGIN + ").")
    Double exposureMargin;

    @Option(
            names = {"--flat_spread", "--flat-spread"},
            paramLabel = "S",
            description = "Quality gate: a sample whose luma standard deviation is below S (0-255) is flat (default: "
                    + QualityRules.DEFAULT_FLAT_SPREAD + ").")
    Double flatSpread;

    @Option(
            names = {"--duplicate_bits", "--duplicate-bits"},
            paramLabel = "B",
            description = "Near-duplicates: perceptual hashes differing in at most B of 64 bits (default: "
                    + QualityRules.DEFAULT_DUPLICATE_HASH_BITS + ").")
    Integer duplicateBits;

    /** Adds these options to a request. */
    public ExtractionRequest.Builder applyTo(ExtractionRequest.Builder request) {
        return request.allFrames(allFrames)
                .batchSize(batchSize.value())
                .groupSize(groupSize.value())
                .qualityGate(!noQualityGate)
                .distinct(distinct)
                .top(top)
                .minGapSeconds(minGap)
                .samplesCsv(samplesCsv)
                .perShot(perShot)
                .shotDrift(shotDrift)
                .rules(QualityRules.of(sharpnessRatio, exposureMargin, flatSpread, duplicateBits));
    }
}
