package com.perfectframe.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The EXIF block of a HEIF photo (its {@code Exif} item: capture time, camera, GPS…), as the raw TIFF bytes that a
 * JPEG's APP1 segment or a PNG's {@code eXIf} chunk carries, so that a HEIC written out as JPEG keeps it. The bytes
 * are returned as stored: the orientation they give is not the picture's (in HEIF, {@code irot}/{@code imir} are),
 * which {@link ExifOrientation#upright(byte[])} settles when the picture is written turned.
 */
public final class HeifExif {

    /** An EXIF block larger than this is not a photo's (a JPEG's APP1 segment holds at most 64 KB). */
    private static final int MAX_BYTES = 1 << 20;

    private HeifExif() {}

    /**
     * The TIFF bytes of the file's EXIF item; empty when the file is not HEIF or has no readable EXIF.
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<byte[]> read(Path file) throws IOException {
        return HeifStructure.ifHeif(file, (heif, channel) -> {
            int item = heif.exif();
            byte[] payload = item < 0 ? null : heif.data(channel, item, MAX_BYTES);
            return payload == null ? null : tiff(payload);
        });
    }

    /**
     * The TIFF part of an EXIF item's payload: a 32-bit offset, then that many bytes before the TIFF header (often
     * "Exif\0\0"); null when it is not there.
     */
    static byte[] tiff(byte[] payload) {
        if (payload.length < 12) {
            return null;
        }
        long skip = ByteBuffer.wrap(payload).getInt(0) & 0xFFFFFFFFL;
        if (skip > payload.length - 12) {
            return null;
        }
        byte[] tiff = Arrays.copyOfRange(payload, 4 + (int) skip, payload.length);
        boolean intel = tiff[0] == 'I' && tiff[1] == 'I' && tiff[2] == 42 && tiff[3] == 0;
        boolean motorola = tiff[0] == 'M' && tiff[1] == 'M' && tiff[2] == 0 && tiff[3] == 42;
        return intel || motorola ? tiff : null;
    }
}
