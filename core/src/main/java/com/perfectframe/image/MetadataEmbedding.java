package com.perfectframe.image;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.bytedeco.javacpp.BytePointer;

/**
 * Puts an EXIF block (raw TIFF bytes) and an ICC profile into a freshly encoded picture, at fixed, simple places: in a
 * JPEG, right after its SOI marker, an APP1 "Exif" segment and the profile in APP2 "ICC_PROFILE" segments; in a PNG,
 * right after IHDR, an {@code eXIf} chunk and an {@code iCCP} chunk. A WebP would need its RIFF container rebuilt
 * (VP8X), which waits for a metadata library (issue 23) and is written without them meanwhile.
 */
final class MetadataEmbedding {

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC_HEADER = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

    /** The most profile bytes one APP2 segment holds: 65535 less the length field, the header and two counters. */
    private static final int ICC_CHUNK = 0xFFFF - 2 - 12 - 2;

    /** PNG signature (8) and the IHDR chunk (4 length + 4 type + 13 data + 4 CRC). */
    private static final int AFTER_IHDR = 8 + 25;

    private MetadataEmbedding() {}

    /**
     * The picture with the metadata in it, closing {@code encoded}; {@code encoded} itself when there is nothing to put
     * or the format cannot carry it here. An EXIF block too large for one JPEG segment (65,527 bytes) is left out.
     *
     * @param tiff the EXIF block, or null
     * @param icc the ICC profile, or null
     */
    static EncodedImage embed(EncodedImage encoded, ImageFormat format, byte[] tiff, byte[] icc) {
        ByteArrayOutputStream inserted = new ByteArrayOutputStream();
        int at;
        switch (format) {
            case JPG -> {
                if (tiff != null && EXIF_HEADER.length + tiff.length <= 0xFFFF - 2) {
                    inserted.writeBytes(segment(0xE1, EXIF_HEADER, tiff, 0, tiff.length));
                }
                if (icc != null && icc.length > 0) {
                    int count = (icc.length + ICC_CHUNK - 1) / ICC_CHUNK;
                    for (int k = 0; k < count && count < 256; k++) {
                        byte[] header = ByteBuffer.allocate(ICC_HEADER.length + 2)
                                .put(ICC_HEADER)
                                .put((byte) (k + 1))
                                .put((byte) count)
                                .array();
                        int from = k * ICC_CHUNK;
                        inserted.writeBytes(segment(0xE2, header, icc, from, Math.min(icc.length, from + ICC_CHUNK)));
                    }
                }
                at = 2;
            }
            case PNG -> {
                if (tiff != null) {
                    inserted.writeBytes(chunk("eXIf", tiff));
                }
                if (icc != null && icc.length > 0) {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    body.writeBytes("ICC Profile".getBytes(StandardCharsets.ISO_8859_1));
                    body.write(0); // end of the name
                    body.write(0); // compression method: zlib
                    try (DeflaterOutputStream zlib = new DeflaterOutputStream(body)) {
                        zlib.write(icc);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e); // in memory: cannot happen
                    }
                    inserted.writeBytes(chunk("iCCP", body.toByteArray()));
                }
                at = AFTER_IHDR;
            }
            default -> {
                return encoded;
            }
        }
        long size = encoded.size();
        if (inserted.size() == 0 || size < at) {
            return encoded;
        }
        return insert(encoded, at, inserted.toByteArray());
    }

    private static byte[] segment(int marker, byte[] header, byte[] data, int from, int to) {
        int length = 2 + header.length + (to - from);
        return ByteBuffer.allocate(2 + length)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) length)
                .put(header)
                .put(data, from, to - from)
                .array();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        return chunk.putInt((int) crc.getValue()).array();
    }

    /** A new picture: the first {@code at} bytes, then {@code inserted}, then the rest; closes {@code encoded}. */
    private static EncodedImage insert(EncodedImage encoded, int at, byte[] inserted) {
        BytePointer old = encoded.data();
        long size = encoded.size();
        BytePointer combined = new BytePointer(size + inserted.length);
        try {
            byte[] head = new byte[at];
            old.position(0).get(head);
            combined.position(0).put(head);
            combined.position(at).put(inserted);
            combined.position(at + inserted.length).put(old.position(at).limit(size));
            combined.position(0).limit(size + inserted.length);
        } catch (RuntimeException e) {
            combined.close();
            throw e;
        }
        encoded.close();
        return new EncodedImage(combined);
    }
}
