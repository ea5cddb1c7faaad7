package com.perfectframe.image;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes BGR images in memory (OpenCV: libjpeg-turbo, libpng, libwebp) so the caller can write files atomically.
 *
 * <p>JPEG quality 95 by default, as OpenCV's imwrite in the original tool. Thread-safe.
 */
public final class ImageEncoder {

    public static final int DEFAULT_QUALITY = 95;

    private final ImageFormat format;
    private final int quality;

    public ImageEncoder(ImageFormat format, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1–100, got " + quality);
        }
        this.format = format;
        this.quality = quality;
    }

    public ImageEncoder(ImageFormat format) {
        this(format, DEFAULT_QUALITY);
    }

    public ImageFormat format() {
        return format;
    }

    /**
     * Encodes like {@link #encodeNative(Mat)}, carrying an EXIF block (raw TIFF bytes, e.g. {@link HeifExif}'s) with
     * its orientation set to "as stored", since {@code bgr} is already upright, and the ICC profile its pixels are in
     * (e.g. {@link HeifColourProfile}'s) into a JPEG or PNG. A WebP is written without them (see {@link
     * MetadataEmbedding}).
     *
     * @param exif the EXIF block, or null for none
     * @param icc the ICC profile, or null for none
     */
    public EncodedImage encodeNative(Mat bgr, byte[] exif, byte[] icc) {
        EncodedImage encoded = encodeNative(bgr);
        if (exif == null && icc == null) {
            return encoded;
        }
        return MetadataEmbedding.embed(encoded, format, exif == null ? null : ExifOrientation.upright(exif), icc);
    }

    /** Encodes into native memory, to be written straight to a file without a copy on the Java heap. */
    public EncodedImage encodeNative(Mat bgr) {
        int[] params = switch (format) {
            case JPG -> new int[] {IMWRITE_JPEG_QUALITY, quality};
            case WEBP -> new int[] {IMWRITE_WEBP_QUALITY, quality};
            case PNG -> new int[0];
        };
        BytePointer buffer = new BytePointer();
        try (IntPointer paramPointer = new IntPointer(params)) {
            if (!imencode("." + format.extension(), bgr, buffer, paramPointer)) {
                throw new IllegalStateException(format + " encoding failed");
            }
            return new EncodedImage(buffer);
        } catch (RuntimeException e) {
            buffer.close();
            throw e;
        }
    }

    /** Output formats, named by their extension. */
    public enum ImageFormat {
        JPG,
        PNG,
        WEBP;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses ".jpg", "jpg", "JPEG", ".png", "webp"…
         *
         * @throws IllegalArgumentException naming the supported formats
         */
        public static ImageFormat parse(String text) {
            String name = text.trim().toLowerCase(Locale.ROOT);
            if (name.startsWith(".")) {
                name = name.substring(1);
            }
            return switch (name) {
                case "jpg", "jpeg" -> JPG;
                case "png" -> PNG;
                case "webp" -> WEBP;
                default ->
                    throw new IllegalArgumentException(
                            "unsupported image format '" + text + "': use .jpg, .png or .webp");
            };
        }
    }
}
