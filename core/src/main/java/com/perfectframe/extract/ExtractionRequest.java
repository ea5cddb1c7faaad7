package com.perfectframe.extract;

import com.perfectframe.extract.output.VideoRenamer;
import com.perfectframe.extract.select.BestOfShot;
import com.perfectframe.extract.select.QualityRules;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.limits.Range;
import com.perfectframe.quality.ShotRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one job is asked to do, whether it came from the command line or from a REST request: the folders, which
 * files are inputs, the output format, and the options of each extractor. Built with {@link #builder}, whose
 * defaults are the original tool's; validated once, here, against the limits each record keeps as {@link Range}
 * constants (the limits' one owner: front ends read them too).
 *
 * <p>A refused value throws an {@link InvalidSettingException} whose key is neutral (e.g. {@code group_size}); each
 * front end names the field as its user typed it ({@code --group_size}, {@code compering_group_size}).
 *
 * @param inputDirectory folder with the videos or images
 * @param outputDirectory folder receiving the pictures and the manifest (created if missing)
 * @param outputFormat format of written pictures
 * @param batchSize samples (or images) handled together: best-frames groups restart at every batch, and the
 *     per-batch percentile is taken per batch, as in the original
 * @param inputs which files of the input folder are inputs
 * @param bestFrames options of best_frames_extractor
 * @param topImages options of top_images_extractor
 * @param confinement the folders input files must really lie in ({@link Confinement#NONE} on the command line;
 *     the service's allowed roots), so that a symbolic link cannot make the service read a file elsewhere
 * @param stripLocation write no GPS position into the pictures (for pictures that are shared)
 */
public record ExtractionRequest(
        Path inputDirectory,
        Path outputDirectory,
        ImageFormat outputFormat,
        int batchSize,
        Inputs inputs,
        BestFrames bestFrames,
        TopImages topImages,
        Confinement confinement,
        boolean stripLocation) {

    public static final Path DEFAULT_INPUT = Path.of("input_directory");
    public static final Path DEFAULT_OUTPUT = Path.of("output_directory");
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_GROUP_SIZE = 5;
    public static final double DEFAULT_TOP_IMAGES_PERCENT = 90.0;
    public static final String DEFAULT_OUTPUT_FORMAT = ".jpg";
    /** The original's five, and what cameras, phones, camcorders and recorders write. */
    public static final List<String> DEFAULT_VIDEO_EXTENSIONS = List.of(
            ".mp4", ".mov", ".webm", ".mkv", ".avi", ".m4v", ".mpg", ".mpeg", ".ts", ".mts", ".m2ts", ".3gp", ".wmv",
            ".flv", ".ogv");

    /** Images to score: the original's JPEG, PNG and WebP, and what phones write (HEIC/HEIF, AVIF). */
    public static final List<String> DEFAULT_IMAGE_EXTENSIONS =
            List.of(".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif");

    public static final String DEFAULT_PREFIX = "frames_extracted_";

    public static final Range BATCH_SIZE = Range.of("batch_size", 1, 10_000);

    /**
     * Which files are inputs.
     *
     * @param videoExtensions video file extensions, lower case with the dot
     * @param imageExtensions image file extensions, lower case with the dot
     * @param processedVideoPrefix prefix given to a video once it has been processed, and skipped after
     * @param recursive also the files in the input folder's subfolders, at any depth ({@code --recursive})
     */
    public record Inputs(
            List<String> videoExtensions,
            List<String> imageExtensions,
            String processedVideoPrefix,
            boolean recursive) {

        public Inputs {
            videoExtensions = normaliseExtensions(videoExtensions, "video_extensions");
            imageExtensions = normaliseExtensions(imageExtensions, "images_extensions");
            String problem = VideoRenamer.prefixProblem(processedVideoPrefix);
            if (problem != null) {
                throw new InvalidSettingException(
                        "processed_video_prefix",
                        "must be the start of a file name that is not hidden; '" + processedVideoPrefix + "' "
                                + problem);
            }
        }
    }

    /**
     * Options of best_frames_extractor.
     *
     * @param allFrames write every 1-second sample, unscored (frames extraction)
     * @param groupSize consecutive samples compared to keep the best one ({@code compering_group_size})
     */
    public record BestFrames(boolean allFrames, int groupSize, Curation curation) {

        public static final Range GROUP_SIZE = Range.of("group_size", 1, 10_000);

        public BestFrames {
            GROUP_SIZE.check(groupSize);
            Objects.requireNonNull(curation, "curation");
        }
    }

    /**
     * Which best frames a person would keep, beyond the original's pure NIMA choice (see {@code extract.select}).
     *
     * @param qualityGate reject blurred, dark, flat and mid-transition samples before the best of a group is taken
     * @param distinct collapse a frame that looks like any frame kept earlier from the same video (not only the one
     *     before it) into the better-scored one
     * @param top keep only the N best frames of each video, spread over it; 0 keeps one per group
     * @param minGapSeconds least time between two of the N best; 0 takes 1/(2N) of the video's length
     * @param samplesCsv write every sample's measures and verdict to samples.csv in the output folder
     * @param rules the thresholds of the gate and of near-duplicates
     * @param perShot one picture per shot (and per stretch of a shot whose content drifted) instead of one per group
     * @param shotDrift with {@code perShot}: thumbnail distance from the first sample of a stretch of a shot beyond
     *     which the shot gives another picture
     */
    public record Curation(
            boolean qualityGate,
            boolean distinct,
            int top,
            double minGapSeconds,
            boolean samplesCsv,
            QualityRules rules,
            boolean perShot,
            double shotDrift) {

        /** At most 100: beyond, the frames held (2N + 2 at full size) would cost gigabytes. */
        public static final Range TOP = Range.of("top", 0, 100);

        public static final Range MIN_GAP_SECONDS = Range.atLeast("min_gap_seconds", 0);

        /**
         * Default drift: about a third of a frame's width panned, or a large change of what is in the picture (see
         * {@link BestOfShot}).
         */
        public static final double DEFAULT_SHOT_DRIFT = 0.15;

        /** A mean thumbnail difference: 0 (the same picture, which would never drift) excluded, up to 1. */
        public static final Range SHOT_DRIFT = Range.between("shot_drift", 0, 1).excludingMin();

        public Curation {
            TOP.check(top);
            MIN_GAP_SECONDS.check(minGapSeconds);
            Objects.requireNonNull(rules, "rules");
            SHOT_DRIFT.check(shotDrift);
        }

        /** Whether the preparing stage must measure each picture. */
        public boolean needsMeasures() {
            return qualityGate || distinct || samplesCsv || perShot;
        }

        /** Whether the video must be cut into shots: whenever the pictures are measured. */
        public boolean needsShots() {
            return needsMeasures();
        }

        /** The thresholds of shot segmentation: the defaults, with the gate's idea of a flat picture. */
        public ShotRules shotRules() {
            return ShotRules.withFlatSpread(rules.flatSpread());
        }
    }

    /**
     * Options of top_images_extractor.
     *
     * @param percent percentile an image's score must reach to be kept
     * @param perBatchPercentile take the percentile per batch, as the original does, instead of over the folder
     */
    public record TopImages(double percent, boolean perBatchPercentile) {

        public static final Range TOP_IMAGES_PERCENT = Range.between("top_images_percent", 0, 100);

        public TopImages {
            TOP_IMAGES_PERCENT.check(percent);
        }
    }

    public ExtractionRequest {
        Objects.requireNonNull(inputDirectory, "input_directory");
        Objects.requireNonNull(outputDirectory, "output_directory");
        Objects.requireNonNull(outputFormat, "images_output_format");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(bestFrames, "bestFrames");
        Objects.requireNonNull(topImages, "topImages");
        Objects.requireNonNull(confinement, "confinement");
        BATCH_SIZE.check(batchSize);
    }

    /** A request for these folders with the original tool's defaults for everything else. */
    public static Builder builder(Path input, Path output) {
        return new Builder(input, output);
    }

    private static List<String> normaliseExtensions(List<String> extensions, String field) {
        if (extensions == null || extensions.isEmpty()) {
            throw new InvalidSettingException(field, "must list at least one extension");
        }
        return extensions.stream()
                .map(e -> {
                    String ext = e.trim().toLowerCase(Locale.ROOT);
                    if (ext.isEmpty() || ext.contains("/") || ext.contains("\\")) {
                        throw new InvalidSettingException(field, "has an invalid extension '" + e + "'");
                    }
                    return ext.startsWith(".") ? ext : "." + ext;
                })
                .toList();
    }

    /**
     * Builds a request; every field starts at its default. Setters taking a boxed value ignore null, so that
     * mappings from optional inputs (a REST body, unset options) need no branches.
     */
    public static final class Builder {
        private final Path input;
        private final Path output;
        private ImageFormat outputFormat = ImageFormat.parse(DEFAULT_OUTPUT_FORMAT);
        private int batchSize = DEFAULT_BATCH_SIZE;
        private List<String> videoExtensions = DEFAULT_VIDEO_EXTENSIONS;
        private List<String> imageExtensions = DEFAULT_IMAGE_EXTENSIONS;
        private String processedVideoPrefix = DEFAULT_PREFIX;
        private boolean allFrames;
        private int groupSize = DEFAULT_GROUP_SIZE;
        private double topImagesPercent = DEFAULT_TOP_IMAGES_PERCENT;
        private boolean perBatchPercentile;
        private boolean qualityGate = true;
        private Boolean distinct;
        private int top;
        private double minGapSeconds;
        private boolean samplesCsv;
        private QualityRules rules = QualityRules.defaults();
        private boolean perShot;
        private double shotDrift = Curation.DEFAULT_SHOT_DRIFT;
        private Confinement confinement = Confinement.NONE;
        private boolean recursive;
        private boolean stripLocation;

        private Builder(Path input, Path output) {
            this.input = input;
            this.output = output;
        }

        public Builder outputFormat(ImageFormat value) {
            outputFormat = value != null ? value : outputFormat;
            return this;
        }

        /** @throws InvalidSettingException naming images_output_format when the text is not a known format */
        public Builder outputFormat(String value) {
            if (value != null) {
                try {
                    outputFormat = ImageFormat.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException("images_output_format", "is invalid: " + e.getMessage());
                }
            }
            return this;
        }

        public Builder batchSize(Integer value) {
            batchSize = value != null ? value : batchSize;
            return this;
        }

        public Builder videoExtensions(List<String> value) {
            videoExtensions = value != null ? value : videoExtensions;
            return this;
        }

        public Builder imageExtensions(List<String> value) {
            imageExtensions = value != null ? value : imageExtensions;
            return this;
        }

        public Builder processedVideoPrefix(String value) {
            processedVideoPrefix = value != null ? value : processedVideoPrefix;
            return this;
        }

        public Builder allFrames(Boolean value) {
            allFrames = value != null ? value : allFrames;
            return this;
        }

        public Builder groupSize(Integer value) {
            groupSize = value != null ? value : groupSize;
            return this;
        }

        public Builder topImagesPercent(Double value) {
            topImagesPercent = value != null ? value : topImagesPercent;
            return this;
        }

        public Builder perBatchPercentile(Boolean value) {
            perBatchPercentile = value != null ? value : perBatchPercentile;
            return this;
        }

        public Builder qualityGate(Boolean value) {
            qualityGate = value != null ? value : qualityGate;
            return this;
        }

        /** Unset (null), near-duplicates are suppressed exactly when {@link #top} is used. */
        public Builder distinct(Boolean value) {
            distinct = value != null ? value : distinct;
            return this;
        }

        public Builder top(Integer value) {
            top = value != null ? value : top;
            return this;
        }

        public Builder minGapSeconds(Double value) {
            minGapSeconds = value != null ? value : minGapSeconds;
            return this;
        }

        public Builder samplesCsv(Boolean value) {
            samplesCsv = value != null ? value : samplesCsv;
            return this;
        }

        /** One picture per shot instead of one per group. */
        public Builder perShot(Boolean value) {
            perShot = value != null ? value : perShot;
            return this;
        }

        public Builder shotDrift(Double value) {
            shotDrift = value != null ? value : shotDrift;
            return this;
        }

        public Builder rules(QualityRules value) {
            rules = value != null ? value : rules;
            return this;
        }

        /** Input files must really lie under these folders (the service's allowed roots). */
        public Builder confinement(Confinement value) {
            confinement = value != null ? value : confinement;
            return this;
        }

        /** Also the inputs in subfolders of the input folder, at any depth. */
        public Builder recursive(Boolean value) {
            recursive = value != null ? value : recursive;
            return this;
        }

        /** No GPS position in the written pictures. */
        public Builder stripLocation(Boolean value) {
            stripLocation = value != null ? value : stripLocation;
            return this;
        }

        /** @throws InvalidSettingException naming the first field whose value cannot be used */
        public ExtractionRequest build() {
            return new ExtractionRequest(
                    input,
                    output,
                    outputFormat,
                    batchSize,
                    new Inputs(videoExtensions, imageExtensions, processedVideoPrefix, recursive),
                    new BestFrames(
                            allFrames,
                            groupSize,
                            new Curation(
                                    qualityGate,
                                    distinct != null ? distinct : top > 0,
                                    top,
                                    minGapSeconds,
                                    samplesCsv,
                                    rules,
                                    perShot,
                                    shotDrift)),
                    new TopImages(topImagesPercent, perBatchPercentile),
                    confinement,
                    stripLocation);
        }
    }
}
