package com.perfectframe.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads image files into 8-bit BGR pictures the right way up, judging the format by content rather than by
 * extension.
 *
 * <ul>
 *   <li>The file's bytes go straight into native memory (no copy on the Java heap) and are decoded from there,
 *       which also keeps file-name encoding out of native code.
 *   <li>A JPEG's size is read from its SOF header first, so a camera-size picture can be decoded at 1/2, 1/4 or
 *       1/8 scale ({@link DecodeScale}) without ever existing at full size; OpenCV applies its EXIF orientation.
 *   <li>PNG and WebP are decoded as stored, so transparency and 16-bit samples are handled here ({@link
 *       BgrPixels}), and a PNG's EXIF orientation is applied here.
 *   <li>HEIF pictures (HEIC, AVIF) are decoded with FFmpeg ({@link HeifDecoder}) after their size and the extent
 *       of their data have been read from their boxes ({@link HeifStructure}).
 *   <li>A JPEG cut short decodes (libjpeg fills the rest) and is flagged {@linkplain DecodedImage#truncated()
 *       truncated}; a HEIF picture cut short is refused, naming where its data should end.
 * </ul>
 */
public final class ImageReader {

    /** Reserved for a picture whose size the header does not tell: the gate's largest share. */
    private static final long UNKNOWN_SIZE = 1L << 30;

    private static final int HEAD = 64;

    private static final long METADATA_BYTES = 16L << 20;

    private ImageReader() {}

    /**
     * Reads one image at full size (for re-encoding); the caller closes the returned picture.
     *
     * @throws IOException with a one-line reason when the file cannot be used
     */
    public static Mat read(Path file) throws IOException {
        DecodedImage image;
        try {
            image = read(file, 0, MemoryGate.UNBOUNDED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("reading was interrupted", e);
        }
        return image.bgr();
    }

    /**
     * Reads one image for scoring, decoding a large JPEG at a reduced scale that keeps both sides at least {@code
     * minSide} pixels; the caller closes the result, which also gives back its reservation.
     *
     * @param minSide smallest side a reduced picture may have; 0 decodes at full size
     * @param gate admits the picture's memory (encoded file + decoded pixels) before it is read
     * @throws IOException with a one-line reason when the file cannot be used
     */
    public static DecodedImage read(Path file, int minSide, MemoryGate gate) throws IOException, InterruptedException {
        return read(file, minSide, gate, Long.MAX_VALUE);
    }

    /**
     * Like {@link #read(Path, int, MemoryGate)}, refusing before decoding a picture whose header says it would be
     * decoded to more than {@code maxPixels} pixels: a decompression bomb (a 1.5 KB PNG declaring 50000×50000) must
     * not take gigabytes. The headers of JPEG, PNG, WebP, HEIF, BMP, GIF and TIFF are read; other formats are decoded
     * as they come, within OpenCV's own limit (2<sup>30</sup> pixels).
     *
     * <p>A file larger than {@link #maxFileBytes(long)} is refused before any of it is read: no picture within the
     * pixel limit needs that many bytes, and a sparse multi-gigabyte {@code .jpg} must not be read into memory.
     *
     * @throws IOException naming the size and the limit for such a picture
     */
    public static DecodedImage read(Path file, int minSide, MemoryGate gate, long maxPixels)
            throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new IOException("is empty (0 bytes)");
            }
            long limit = Math.min(maxFileBytes(maxPixels), Integer.MAX_VALUE - 16);
            if (size > limit) {
                throw new IOException(String.format(
                        Locale.ROOT,
                        "is %s, more than any picture within the pixel limit takes (%s for %.0f megapixels,"
                                + " max_megapixels): skipped without reading it",
                        bytes(size),
                        bytes(limit),
                        Math.min(maxPixels, (limit - METADATA_BYTES) / 8) / 1e6));
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD, size));
            readFully(channel, head, 0);
            head.flip();
            Kind kind = Kind.of(head);
            int scale = 1;
            long declared = PictureSize.UNKNOWN;
            long pixels = UNKNOWN_SIZE / 4;
            HeifStructure heif = null;
            if (kind == Kind.HEIF) {
                heif = HeifStructure.readWhole(channel, head);
                declared = heif.declaredPixels();
            } else if (kind == Kind.JPEG) {
                JpegStructure.FrameSize frame = JpegStructure.frameSize(channel);
                if (frame != null) {
                    scale = DecodeScale.denominator(frame.width(), frame.height(), minSide);
                    declared = (long) DecodeScale.reduced(frame.width(), scale)
                            * DecodeScale.reduced(frame.height(), scale);
                }
            } else {
                declared = switch (kind) {
                    case PNG -> Math.max(1, PngStructure.pixels(head));
                    case WEBP -> PictureSize.webp(head);
                    default -> PictureSize.other(head, channel);
                };
            }
            if (declared != PictureSize.UNKNOWN) {
                pixels = declared;
                if (pixels > maxPixels) {
                    throw new IOException(String.format(
                            Locale.ROOT,
                            "would decode to %.0f megapixels, above the limit of %.0f (max_megapixels): skipped so"
                                    + " that it cannot exhaust memory",
                            pixels / 1e6,
                            maxPixels / 1e6));
                }
            }
            // Encoded bytes + decoded BGR; decoding as stored may take 8 bytes a pixel (16-bit BGRA) before conversion.
            long bytes = size + Math.min(UNKNOWN_SIZE, pixels * (kind == Kind.JPEG ? 3 : 8));
            MemoryGate.Reservation reservation = gate.reserve(bytes);
            try {
                if (heif != null) {
                    return new DecodedImage(HeifDecoder.decode(file, heif, maxPixels), 1, false, reservation);
                }
                return decode(channel, (int) size, kind, scale, reservation);
            } catch (IOException | RuntimeException | Error e) {
                reservation.close();
                throw e;
            }
        }
    }

    /**
     * The largest picture file read for a pixel limit: what the largest picture allowed takes stored uncompressed at
     * 16-bit RGBA (8 bytes a pixel, more than any format here needs), plus 16 MiB for metadata (EXIF, ICC, XMP,
     * previews). 817 MB for the default 100 megapixels.
     */
    static long maxFileBytes(long maxPixels) {
        return maxPixels >= (Long.MAX_VALUE - METADATA_BYTES) / 8 ? Long.MAX_VALUE : maxPixels * 8 + METADATA_BYTES;
    }

    private static String bytes(long n) {
        return n >= 1_000_000_000
                ? String.format(Locale.ROOT, "%.1f GB", n / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", n / 1e6);
    }

    private enum Kind {
        JPEG,
        PNG,
        WEBP,
        HEIF,
        OTHER;

        static Kind of(ByteBuffer head) {
            if (HeifStructure.isHeif(head)) {
                return HEIF;
            }
            if (JpegStructure.isJpeg(head)) {
                return JPEG;
            }
            if (PngStructure.isPng(head)) {
                return PNG;
            }
            return PictureSize.isWebp(head) ? WEBP : OTHER;
        }
    }

    private static DecodedImage decode(FileChannel channel, int size, Kind kind, int scale, MemoryGate.Reservation r)
            throws IOException {
        Mat picture;
        boolean truncated = false;
        // Two spare bytes: an end-of-image marker for a JPEG cut short (below).
        try (BytePointer data = new BytePointer(size + 2L)) {
            ByteBuffer bytes = data.position(0).limit(size).asByteBuffer();
            readFully(channel, bytes, 0);
            if (channel.size() != size) {
                throw new IOException("changed while it was being read");
            }
            bytes.clear();
            int length = size;
            if (kind == Kind.JPEG && !JpegStructure.reachesEnd(bytes)) {
                // OpenCV decodes from memory with a suspending source that gives up where the data stops; libjpeg's
                // own file source ends a short file with a made-up end-of-image marker, and then fills the missing
                // rows in grey. The same here: the rows that are there are decoded, and the picture is flagged.
                truncated = true;
                data.put(size, (byte) 0xFF).put(size + 1L, (byte) 0xD9);
                length = size + 2;
            }
            try (Mat raw = new Mat(1, length, CV_8UC1, data)) {
                picture = imdecode(raw, flags(kind, scale));
            } catch (RuntimeException e) {
                throw new IOException("cannot be decoded as an image: " + openCvReason(e), e);
            }
            if (picture == null || picture.empty()) {
                if (picture != null) {
                    picture.close();
                }
                throw new IOException("cannot be decoded as an image (corrupt, truncated or unsupported format)");
            }
            if (kind == Kind.PNG || kind == Kind.WEBP) {
                try {
                    picture = asBgr(picture, kind == Kind.PNG ? PngStructure.exif(bytes) : null);
                } catch (RuntimeException e) {
                    throw new IOException("cannot be converted to 8-bit colour: " + firstLine(e), e);
                }
            }
        }
        return new DecodedImage(picture, scale, truncated, r);
    }

    /** A picture decoded as stored, as 8-bit BGR the right way up; closes {@code picture}, on failure too. */
    private static Mat asBgr(Mat picture, ByteBuffer exif) {
        Mat bgr = null;
        try {
            bgr = BgrPixels.of(picture);
            return exif == null ? bgr : ExifOrientation.apply(bgr, ExifOrientation.read(exif));
        } catch (RuntimeException e) {
            picture.close(); // closing twice is harmless
            if (bgr != null) {
                bgr.close();
            }
            throw e;
        }
    }

    private static int flags(Kind kind, int scale) {
        return switch (kind) {
            case JPEG ->
                switch (scale) {
                    case 2 -> IMREAD_REDUCED_COLOR_2;
                    case 4 -> IMREAD_REDUCED_COLOR_4;
                    case 8 -> IMREAD_REDUCED_COLOR_8;
                    default -> IMREAD_COLOR;
                };
            // As stored: alpha, 16 bits and grey are converted here; OpenCV then skips EXIF orientation, which
            // asBgr applies for PNG (OpenCV reads none from WebP).
            case PNG, WEBP -> IMREAD_UNCHANGED;
            case HEIF, OTHER -> IMREAD_COLOR;
        };
    }

    /**
     * OpenCV's reason without its build path: {@code OpenCV(4.7.0) /home/…/loadsave.cpp:77: error: (-215:Assertion
     * failed) size.width > 0 … in function 'validateInputImageSize'} becomes the part from the error code on.
     */
    static String openCvReason(RuntimeException e) {
        String line = firstLine(e);
        int error = line.indexOf("error: ");
        return error >= 0 ? line.substring(error + "error: ".length()) : line;
    }

    private static String firstLine(RuntimeException e) {
        String message = e.getMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("changed while it was being read");
            }
        }
    }
}
