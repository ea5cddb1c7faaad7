package com.perfectframe.image.metadata;

import com.perfectframe.capture.CaptureTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfo;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossless;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * A photo's own metadata, read with Commons Imaging: what its re-encoded copy carries ({@link #forCopy}) and when it
 * was taken ({@link #captured}). JPEG, PNG and WebP photos are read; other formats give nothing.
 *
 * <p>With {@code withoutLocation} (the job's {@code strip_location}), the GPS directory and any {@code exif:GPS…}
 * property of the XMP are left out; the EXIF block is then written anew, so no byte of the position stays in it.
 *
 * <p>A copy is written upright, so its EXIF says {@code Orientation} 1 (as does a {@code tiff:Orientation} in its
 * XMP), its {@code ExifImageWidth}/{@code Height} say the written size, and the embedded thumbnail (IFD1) is left
 * out: it shows the picture as it was stored. The EXIF block is rewritten in place where possible (Commons Imaging's
 * lossless writer keeps maker notes where they were). The ICC profile (an RGB one, read by {@link IccProfile}) and
 * the XMP packet are carried as they are.
 */
public final class PhotoMetadata {

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss", Locale.ROOT);

    /** More than any EXIF block a photo carries (a JPEG's holds at most 64 KB). */
    private static final int MAX_EXIF = 1 << 20;

    private PhotoMetadata() {}

    /**
     * When a photo was taken and from which tag: {@code DateTimeOriginal} (else {@code CreateDate}), with its
     * sub-seconds and its {@code OffsetTime…} when the photo has them.
     */
    public record Captured(CaptureTime time, String tag) {}

    /**
     * The blocks a copy of the photo written upright at {@code width}×{@code height} carries: its EXIF made upright,
     * its ICC profile, its XMP. What cannot be read is left out.
     *
     * @throws IOException when the file cannot be read
     */
    public static PictureMetadata forCopy(Path photo, int width, int height, boolean withoutLocation)
            throws IOException {
        Blocks blocks = Blocks.read(photo);
        return forCopy(blocks.exif, blocks.icc, blocks.xmp, width, height, withoutLocation);
    }

    /**
     * The same from blocks read elsewhere (a HEIF's EXIF item and colour profile, read by the {@code image}
     * package's HEIF reader).
     *
     * @param tiff the EXIF block as TIFF bytes (or after {@code Exif\0\0}), or null
     */
    public static PictureMetadata forCopy(
            byte[] tiff, byte[] icc, String xmp, int width, int height, boolean withoutLocation) {
        byte[] block = Blocks.tiffOnly(tiff);
        byte[] exif = block == null ? null : upright(block, width, height, withoutLocation);
        String packet = xmp == null ? null : Xmp.upright(xmp);
        if (packet != null && withoutLocation) {
            packet = Xmp.withoutLocation(packet);
        }
        return new PictureMetadata(exif, packet, icc);
    }

    /** When a photo was taken by its EXIF block (TIFF bytes), as {@link #captured(Path)}; null when it does not say. */
    public static Captured captured(byte[] tiff) {
        try {
            byte[] block = Blocks.tiffOnly(tiff);
            TiffImageMetadata metadata = block == null ? null : tiffMetadata(block);
            return metadata == null ? null : captured(metadata);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the photo says where it was taken (an EXIF GPS position, or one in its XMP). */
    public static boolean hasLocation(Path photo) {
        try {
            Blocks blocks = Blocks.read(photo);
            TiffImageMetadata metadata = blocks.exif == null ? null : tiffMetadata(blocks.exif);
            boolean gps = metadata != null && metadata.findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_GPS) != null;
            return gps || (blocks.xmp != null && Xmp.hasLocation(blocks.xmp));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** When the photo was taken, by its EXIF; null when it does not say (or cannot be read). */
    public static Captured captured(Path photo) {
        try {
            byte[] tiff = Blocks.exif(photo);
            TiffImageMetadata metadata = tiff == null ? null : tiffMetadata(tiff);
            return metadata == null ? null : captured(metadata);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Captured captured(TiffImageMetadata metadata) throws ImagingException {
        {
            CaptureTime original = time(
                    metadata,
                    ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL,
                    ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_ORIGINAL,
                    ExifTags.OFFSET_TIME_ORIGINAL);
            if (original != null) {
                return new Captured(original, "DateTimeOriginal");
            }
            CaptureTime digitized = time(
                    metadata,
                    ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED,
                    ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_DIGITIZED,
                    ExifTags.OFFSET_TIME_DIGITIZED);
            return digitized == null ? null : new Captured(digitized, "CreateDate");
        }
    }

    private static CaptureTime time(TiffImageMetadata metadata, TagInfo date, TagInfo subSec, TagInfo offset)
            throws ImagingException {
        String text = ascii(metadata, date);
        if (text == null) {
            return null;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text.trim(), EXIF_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
        String fraction = ascii(metadata, subSec);
        if (fraction != null && fraction.trim().matches("\\d{1,9}")) {
            String digits = (fraction.trim() + "000000000").substring(0, 9);
            local = local.withNano(Integer.parseInt(digits));
        }
        ZoneOffset zone = null;
        String offsetText = ascii(metadata, offset);
        if (offsetText != null) {
            try {
                zone = ZoneOffset.of(offsetText.trim());
            } catch (java.time.DateTimeException e) {
                zone = null;
            }
        }
        return new CaptureTime(local, zone);
    }

    private static String ascii(TiffImageMetadata metadata, TagInfo tag) throws ImagingException {
        TiffField field = metadata.findField(tag, true);
        if (field == null) {
            return null;
        }
        Object value = field.getValue();
        String text = value instanceof String s ? s : value instanceof String[] a && a.length > 0 ? a[0] : null;
        return text == null || text.isBlank() ? null : text;
    }

    /** An EXIF block saying orientation 1, the written size, and no thumbnail; null when it cannot be read. */
    static byte[] upright(byte[] tiff, int width, int height, boolean withoutLocation) {
        try {
            TiffImageMetadata metadata = tiffMetadata(tiff);
            if (metadata == null) {
                return null;
            }
            TiffOutputSet read = metadata.getOutputSet();
            TiffOutputSet set = new TiffOutputSet(read.byteOrder);
            for (TiffOutputDirectory directory : read.getDirectories()) {
                boolean gps = directory.getType() == TiffDirectoryConstants.DIRECTORY_TYPE_GPS;
                if (directory.getType() != TiffDirectoryConstants.DIRECTORY_TYPE_THUMBNAIL
                        && !(gps && withoutLocation)) {
                    set.addDirectory(directory);
                }
            }
            TiffOutputDirectory root = set.getOrCreateRootDirectory();
            root.removeField(TiffTagConstants.TIFF_TAG_JPEG_INTERCHANGE_FORMAT);
            root.removeField(TiffTagConstants.TIFF_TAG_JPEG_INTERCHANGE_FORMAT_LENGTH);
            root.removeField(TiffTagConstants.TIFF_TAG_ORIENTATION);
            if (withoutLocation) {
                root.removeField(ExifTagConstants.EXIF_TAG_GPSINFO);
            }
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short)
                    TiffTagConstants.ORIENTATION_VALUE_HORIZONTAL_NORMAL);
            TiffOutputDirectory exif = set.getExifDirectory();
            if (exif != null && exif.findField(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH) != null) {
                exif.removeField(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH);
                exif.removeField(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_LENGTH);
                if (width <= 0xFFFF && height <= 0xFFFF) {
                    exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH, (short) width);
                    exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_LENGTH, (short) height);
                }
            }
            // Without its position, nothing of it may stay behind in the block: rewritten whole.
            return withoutLocation ? writeLossy(set) : write(set, tiff);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] write(TiffOutputSet set, byte[] original) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 256);
        try {
            new TiffImageWriterLossless(set.byteOrder, original).write(out, set);
        } catch (ImagingException | RuntimeException e) {
            out.reset();
            new TiffImageWriterLossy(set.byteOrder).write(out, set);
        }
        return out.toByteArray();
    }

    private static byte[] writeLossy(TiffOutputSet set) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        new TiffImageWriterLossy(set.byteOrder).write(out, set);
        return out.toByteArray();
    }

    private static TiffImageMetadata tiffMetadata(byte[] tiff) throws IOException {
        return new TiffImageParser().getMetadata(ByteSource.array(tiff)) instanceof TiffImageMetadata metadata
                ? metadata
                : null;
    }

    /** The blocks as a photo stores them. */
    private record Blocks(byte[] exif, byte[] icc, String xmp) {

        /** The blocks of a photo; its colour profile by {@link IccProfile}, the one reader of profiles. */
        static Blocks read(Path photo) throws IOException {
            Kind kind = Kind.of(photo);
            ByteSource source = ByteSource.path(photo);
            return switch (kind) {
                case JPEG ->
                    new Blocks(
                            exif(photo, kind),
                            icc(photo),
                            quietly(() -> new JpegImageParser().getXmpXml(source, null)));
                case PNG ->
                    new Blocks(
                            exif(photo, kind), icc(photo), quietly(() -> new PngImageParser().getXmpXml(source, null)));
                case WEBP -> {
                    ByteBuffer whole = Kind.readAll(photo);
                    byte[] xmp = WebpChunks.find(whole, "XMP ");
                    yield new Blocks(
                            tiffOnly(WebpChunks.find(whole, "EXIF")),
                            icc(photo),
                            xmp == null ? null : new String(xmp, java.nio.charset.StandardCharsets.UTF_8));
                }
                case OTHER -> new Blocks(null, null, null);
            };
        }

        private static byte[] icc(Path photo) {
            return quietly(() -> IccProfile.read(photo).orElse(null));
        }

        static byte[] exif(Path photo) throws IOException {
            return exif(photo, Kind.of(photo));
        }

        private static byte[] exif(Path photo, Kind kind) throws IOException {
            ByteSource source = ByteSource.path(photo);
            byte[] raw = switch (kind) {
                case JPEG -> quietly(() -> new JpegImageParser().getExifRawData(source));
                case PNG -> quietly(() -> new PngImageParser().getExifRawData(source));
                case WEBP -> WebpChunks.find(Kind.readAll(photo), "EXIF");
                case OTHER -> null;
            };
            return tiffOnly(raw);
        }

        /** The TIFF part of an EXIF block (after a leading {@code Exif\0\0}); null when it is not TIFF. */
        static byte[] tiffOnly(byte[] raw) {
            if (raw == null || raw.length > MAX_EXIF) {
                return null;
            }
            int at = raw.length >= 6 && raw[0] == 'E' && raw[1] == 'x' && raw[2] == 'i' && raw[3] == 'f' ? 6 : 0;
            if (raw.length < at + 8) {
                return null;
            }
            boolean intel = raw[at] == 'I' && raw[at + 1] == 'I' && raw[at + 2] == 42 && raw[at + 3] == 0;
            boolean motorola = raw[at] == 'M' && raw[at + 1] == 'M' && raw[at + 2] == 0 && raw[at + 3] == 42;
            if (!intel && !motorola) {
                return null;
            }
            return at == 0 ? raw : java.util.Arrays.copyOfRange(raw, at, raw.length);
        }
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    /** A block Commons Imaging cannot read (damaged, unusual) is left out rather than failing the copy. */
    private static <T> T quietly(Reading<T> reading) {
        try {
            return reading.read();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private enum Kind {
        JPEG,
        PNG,
        WEBP,
        OTHER;

        static Kind of(Path photo) throws IOException {
            try (FileChannel channel = FileChannel.open(photo, StandardOpenOption.READ)) {
                ByteBuffer head = ByteBuffer.allocate(16);
                while (head.hasRemaining() && channel.read(head) > 0) {
                    // reads the first bytes
                }
                head.flip();
                if (head.limit() >= 2 && (head.get(0) & 0xFF) == 0xFF && (head.get(1) & 0xFF) == 0xD8) {
                    return JPEG;
                }
                if (head.limit() >= 8 && (head.get(0) & 0xFF) == 0x89 && head.get(1) == 'P' && head.get(2) == 'N') {
                    return PNG;
                }
                if (head.limit() >= 12
                        && head.get(0) == 'R'
                        && head.get(1) == 'I'
                        && head.get(8) == 'W'
                        && head.get(9) == 'E') {
                    return WEBP;
                }
                return OTHER;
            }
        }

        /** A WebP's bytes (photos are bounded by the reader's file-size limit before they get here). */
        static ByteBuffer readAll(Path photo) throws IOException {
            return ByteBuffer.wrap(java.nio.file.Files.readAllBytes(photo));
        }
    }
}
