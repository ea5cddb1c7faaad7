package com.perfectframe.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;

/**
 * An ICC profile put into a WebP as OpenCV writes it (a simple file: RIFF, then one VP8 or VP8L chunk): the file
 * becomes an extended one, a {@code VP8X} chunk saying a profile follows and giving the canvas size (read from the
 * picture's own chunk), then the {@code ICCP} chunk, then the picture's chunk as it was.
 */
final class WebpProfile {

    private static final int ICC_FLAG = 0x20;
    private static final int ALPHA_FLAG = 0x10;

    private WebpProfile() {}

    /** The WebP with the profile, closing {@code encoded}; {@code encoded} itself when it is not a simple WebP. */
    static EncodedImage embed(EncodedImage encoded, byte[] icc) {
        long size = encoded.size();
        if (size < 30 || size > Integer.MAX_VALUE - icc.length - 64) {
            return encoded;
        }
        byte[] head = new byte[30];
        encoded.data().position(0).get(head);
        ByteBuffer in = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        String first = new String(head, 12, 4, StandardCharsets.US_ASCII);
        int width;
        int height;
        int flags = ICC_FLAG;
        if (first.equals("VP8 ")) {
            // Frame tag (3 bytes), start code (3), then 14-bit width and height.
            width = in.getShort(20 + 6) & 0x3fff;
            height = in.getShort(20 + 8) & 0x3fff;
        } else if (first.equals("VP8L")) {
            // Signature 0x2f, then width - 1 and height - 1 in 14 bits each, then the alpha bit.
            int bits = in.getInt(20 + 1);
            width = (bits & 0x3fff) + 1;
            height = ((bits >>> 14) & 0x3fff) + 1;
            if (((bits >>> 28) & 1) == 1) {
                flags |= ALPHA_FLAG;
            }
        } else {
            return encoded; // already extended, or not a WebP written by OpenCV: left as encoded
        }
        int pad = icc.length & 1;
        ByteBuffer added = ByteBuffer.allocate(8 + 10 + 8 + icc.length + pad).order(ByteOrder.LITTLE_ENDIAN);
        added.put("VP8X".getBytes(StandardCharsets.US_ASCII))
                .putInt(10)
                .put((byte) flags)
                .put(new byte[3]);
        putInt24(added, width - 1);
        putInt24(added, height - 1);
        added.put("ICCP".getBytes(StandardCharsets.US_ASCII)).putInt(icc.length).put(icc);
        if (pad == 1) {
            added.put((byte) 0);
        }
        EncodedImage extended = MetadataEmbedding.insert(encoded, 12, added.array());
        // The RIFF size (bytes 4 to 7) counts everything after it.
        BytePointer data = extended.data();
        ByteBuffer riffSize =
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) (extended.size() - 8));
        data.position(4).put(riffSize.array(), 0, 4);
        data.position(0);
        return extended;
    }

    private static void putInt24(ByteBuffer buffer, int value) {
        buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
}
