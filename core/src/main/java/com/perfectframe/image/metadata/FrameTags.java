package com.perfectframe.image.metadata;

import com.perfectframe.capture.CaptureTime;
import com.perfectframe.capture.GeoLocation;
import com.perfectframe.capture.Recording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.tiff.constants.DcfTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.fieldtypes.AbstractFieldType;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * The metadata of the frames of one video, made once per video; per frame only the times change ({@link #at}).
 *
 * <ul>
 *   <li>EXIF (written by Commons Imaging): {@code DateTimeOriginal} and {@code CreateDate} (= the recording's start
 *       + the frame's time) with {@code SubSecTimeOriginal}/{@code SubSecTimeDigitized} and, when the offset is
 *       known, {@code OffsetTimeOriginal}/{@code OffsetTimeDigitized}; {@code Make}/{@code Model}; GPS latitude,
 *       longitude and altitude; {@code Orientation} 1 (frames are written upright); {@code UserComment} "Frame at
 *       hh:mm:ss.mmm of {source}" (what EXIF-only tools show of the origin).
 *   <li>XMP: {@code dc:source} (the source video, as the manifest names it: Dublin Core's "resource from which this
 *       one is derived"), {@code perfectframe:FrameTime} (hh:mm:ss.mmm in the video) and {@code
 *       perfectframe:FrameSeconds}, {@code xmp:CreateDate}/{@code exif:DateTimeOriginal} (for readers of PNG and
 *       WebP that look at XMP only).
 * </ul>
 * Nothing is written for what the video does not say: no date without a known start, no GPS without a location.
 */
public final class FrameTags {

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    private static final RationalNumber SEVENTY_TWO = RationalNumber.valueOf(72);

    private final Recording recording;
    private final String source;

    /**
     * @param recording what the video's container says (without its location when it is not to be shared)
     * @param source the source video as the manifest names it (its path under the input folder)
     */
    public FrameTags(Recording recording, String source) {
        this.recording = recording;
        this.source = source;
    }

    public Recording recording() {
        return recording;
    }

    /** The EXIF block and XMP packet of the frame at {@code seconds} into the video, written at width×height. */
    public PictureMetadata at(double seconds, int width, int height) {
        CaptureTime taken = recording.frameTime(seconds);
        String clock = clock(seconds);
        try {
            return new PictureMetadata(exif(taken, clock, width, height), xmp(taken, clock, seconds), null);
        } catch (ImagingException e) {
            throw new IllegalStateException("EXIF cannot be built: " + e.getMessage(), e);
        }
    }

    private byte[] exif(CaptureTime taken, String clock, int width, int height) throws ImagingException {
        TiffOutputSet set = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        TiffOutputDirectory root = set.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) TiffTagConstants.ORIENTATION_VALUE_HORIZONTAL_NORMAL);
        // What EXIF requires of every picture: resolution (72 dpi, as cameras say), colour space, pixel size.
        root.add(TiffTagConstants.TIFF_TAG_XRESOLUTION, SEVENTY_TWO);
        root.add(TiffTagConstants.TIFF_TAG_YRESOLUTION, SEVENTY_TWO);
        root.add(TiffTagConstants.TIFF_TAG_RESOLUTION_UNIT, (short) 2);
        root.add(TiffTagConstants.TIFF_TAG_YCBCR_POSITIONING, (short) 1);
        if (recording.camera().make() != null) {
            root.add(TiffTagConstants.TIFF_TAG_MAKE, recording.camera().make());
        }
        if (recording.camera().model() != null) {
            root.add(TiffTagConstants.TIFF_TAG_MODEL, recording.camera().model());
        }
        TiffOutputDirectory exif = set.getOrCreateExifDirectory();
        byte[] version = "0232".getBytes(StandardCharsets.US_ASCII);
        exif.add(new TiffOutputField(
                ExifTagConstants.EXIF_TAG_EXIF_VERSION, AbstractFieldType.UNDEFINED, version.length, version));
        byte[] flashpix = "0100".getBytes(StandardCharsets.US_ASCII);
        exif.add(new TiffOutputField(
                ExifTagConstants.EXIF_TAG_FLASHPIX_VERSION, AbstractFieldType.UNDEFINED, flashpix.length, flashpix));
        byte[] components = {1, 2, 3, 0}; // Y Cb Cr
        exif.add(new TiffOutputField(
                ExifTagConstants.EXIF_TAG_COMPONENTS_CONFIGURATION,
                AbstractFieldType.UNDEFINED,
                components.length,
                components));
        exif.add(DcfTagConstants.EXIF_TAG_COLOR_SPACE, (short) 1); // sRGB
        exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH, (short) Math.min(width, 0xFFFF));
        exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_LENGTH, (short) Math.min(height, 0xFFFF));
        if (taken != null) {
            String date = EXIF_DATE.format(taken.local());
            String subSec = String.format(Locale.ROOT, "%03d", taken.local().getNano() / 1_000_000);
            exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, date);
            exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, date);
            exif.add(ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_ORIGINAL, subSec);
            exif.add(ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_DIGITIZED, subSec);
            if (taken.offset() != null) {
                String offset = OFFSET.format(taken.offset());
                exif.add(ExifTags.OFFSET_TIME_ORIGINAL, offset);
                exif.add(ExifTags.OFFSET_TIME_DIGITIZED, offset);
            }
        }
        exif.add(ExifTagConstants.EXIF_TAG_USER_COMMENT, "Frame at " + clock + " of " + source);
        GeoLocation place = recording.location();
        if (place != null) {
            TiffOutputDirectory gps = set.getOrCreateGpsDirectory();
            gps.add(GpsTagConstants.GPS_TAG_GPS_VERSION_ID, (byte) 2, (byte) 3, (byte) 0, (byte) 0);
            set.setGpsInDegrees(place.longitude(), place.latitude());
            if (place.altitude() != null) {
                gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF, (byte)
                        (place.altitude() < 0
                                ? GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF_VALUE_BELOW_SEA_LEVEL
                                : GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF_VALUE_ABOVE_SEA_LEVEL));
                gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE, RationalNumber.valueOf(Math.abs(place.altitude())));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            new TiffImageWriterLossy(set.byteOrder).write(out, set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String xmp(CaptureTime taken, String clock, double seconds) {
        String iso = taken == null ? null : taken.iso();
        return Xmp.packet(
                "dc:source", source,
                "perfectframe:FrameTime", clock,
                "perfectframe:FrameSeconds", String.format(Locale.ROOT, "%.3f", seconds),
                "xmp:CreateDate", iso,
                "exif:DateTimeOriginal", iso);
    }

    /** {@code hh:mm:ss.mmm}. */
    static String clock(double seconds) {
        long millis = Math.max(0, Math.round(seconds * 1000));
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                (millis / 60_000) % 60,
                (millis / 1000) % 60,
                millis % 1000);
    }
}
