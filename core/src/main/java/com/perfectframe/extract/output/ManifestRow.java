package com.perfectframe.extract.output;

/**
 * One row of an output folder's {@code manifest.csv}: a picture written there, with where it came from.
 *
 * @param file the picture's file name, as the manifest gives it (a reader of it checks the name before any use)
 * @param source the video or photo it came from
 * @param timestamp the time in the video, {@code hh-mm-ss.mmm}; null for a photo
 * @param seconds the same time in seconds; null for a photo
 * @param frameNumber the frame's number in the video; null for a photo
 * @param score the NIMA score (1 to 10); null for an unscored frame ({@code --all_frames})
 * @param model the weights' SHA-256 or {@code synthetic}; null when unscored
 */
public record ManifestRow(
        String file, String source, String timestamp, Double seconds, Long frameNumber, Double score, String model) {}
