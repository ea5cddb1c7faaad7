package com.perfectframe.extract;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Output file names that say where each picture came from: {@code <video stem>_<hh-mm-ss.mmm>.jpg} for a frame,
 * {@code <image stem>.<ext>} for a photo, with {@code _1}, {@code _2}, … added when a name is taken.
 */
public final class OutputNames {

    private OutputNames() {}

    /** Name of a frame taken at the given time of a video. */
    public static String forFrame(Path video, double seconds, String extension) {
        return stem(video) + "_" + timestamp(seconds) + "." + extension;
    }

    /** Name of a picture copied from an image file, with the given extension. */
    public static String forImage(Path image, String extension) {
        return stem(image) + "." + extension;
    }

    /** {@code hh-mm-ss.mmm}: sorts in time order and is valid in file names on every system. */
    public static String timestamp(double seconds) {
        long millis = Math.max(0, Math.round(seconds * 1000));
        return String.format(
                Locale.ROOT,
                "%02d-%02d-%02d.%03d",
                millis / 3_600_000,
                (millis / 60_000) % 60,
                (millis / 1000) % 60,
                millis % 1000);
    }

    /** The file name without its last extension. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The n-th variant of a name: n = 0 is the name itself, then {@code stem_1.ext}, {@code stem_2.ext}, … */
    static String variant(String fileName, int n) {
        if (n == 0) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "_" + n + fileName.substring(dot) : fileName + "_" + n;
    }
}
