package com.perfectframe.image;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.bytedeco.javacpp.BytePointer;

/**
 * Puts an EXIF block (raw TIFF bytes) into a freshly encoded picture: a JPEG's APP1 segment right after its SOI
 * marker, a PNG's {@code eXIf} chunk right after IHDR. Both are fixed, simple places; a WebP would need its RIFF
 * container rebuilt (VP8X), which waits for a metadata library (issue 23) and is written without EXIF meanwhile.
 */
final class ExifEmbedding {

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    /** PNG signature (8) and the IHDR chunk (4 length + 4 type + 13 data + 4 CRC). */
    private static final int AFTER_IHDR = 8 + 25;

    private ExifEmbedding() {}

    /**
     * The picture with the EXIF block in it, closing {@code encoded}; {@code encoded} itself when the format cannot
     * carry it here or the block does not fit (a JPEG segment holds at most 65,533 bytes).
     */
    static EncodedImage embed(EncodedImage encoded, ImageFormat format, byte[] tiff) {
        byte[] inserted;
        int at;
        switch (format) {
            case JPG -> {
                int length = 2 + EXIF_HEADER.length + tiff.length;
                if (length > 0xFFFF) {
                    return encoded;
                }
                inserted = ByteBuffer.allocate(2 + length)
                        .put((byte) 0xFF)
                        .put((byte) 0xE1)
                        .putShort((short) length)
                        .put(EXIF_HEADER)
                        .put(tiff)
                        .array();
                at = 2;
            }
            case PNG -> {
                ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length);
                chunk.putInt(tiff.length)
                        .put("eXIf".getBytes(StandardCharsets.ISO_8859_1))
                        .put(tiff);
                CRC32 crc = new CRC32();
                crc.update(chunk.array(), 4, 4 + tiff.length);
                inserted = chunk.putInt((int) crc.getValue()).array();
                at = AFTER_IHDR;
            }
            default -> {
                return encoded;
            }
        }
        BytePointer old = encoded.data();
        long size = encoded.size();
        if (size < at) {
            return encoded;
        }
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
