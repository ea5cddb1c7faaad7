package com.perfectframe.extract.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Output file names that say where each picture came from: {@code <video stem>_<hh-mm-ss.mmm>.jpg} for a frame,
 * {@code <image stem>.<ext>} for a photo, with {@code _1}, {@code _2}, … added when a name is taken. A name never
 * exceeds what file systems allow (255 bytes): a long stem, such as a downloaded video's title, is shortened.
 */
public final class OutputNames {

    /** Most bytes in a file name on the common file systems (ext4, XFS, Btrfs, APFS). */
    static final int MAX_NAME_BYTES = 255;

    /** Bytes kept free for the {@code _N} added when a name is taken. */
    private static final int VARIANT_ROOM = 8;

    private OutputNames() {}

    /** Name of a frame taken at the given time of a video. */
    public static String forFrame(Path video, double seconds, String extension) {
        return fit(stem(video), "_" + timestamp(seconds) + "." + extension);
    }

    /** Name of a picture copied from an image file, with the given extension. */
    public static String forImage(Path image, String extension) {
        return fit(stem(image), "." + extension);
    }

    /** The stem and suffix, the stem shortened at a character boundary if the whole would not fit in a name. */
    static String fit(String stem, String suffix) {
        int room = MAX_NAME_BYTES - VARIANT_ROOM - utf8Length(suffix);
        if (utf8Length(stem) <= room) {
            return stem + suffix;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int codePoint = stem.codePointAt(i);
            int length = utf8Length(new String(Character.toChars(codePoint)));
            if (bytes + length > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += length;
            i += Character.charCount(codePoint);
        }
        return kept + suffix;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
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
    public static String variant(String fileName, int n) {
        if (n == 0) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "_" + n + fileName.substring(dot) : fileName + "_" + n;
    }
}
