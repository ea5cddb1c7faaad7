package com.perfectframe.image.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A WebP's RIFF chunks as the container specification lays them out: {@code RIFF} size {@code WEBP}, then chunks of
 * a four-character code, a little-endian size and a payload padded to an even length; the extended format starts
 * with {@code VP8X} (flags and canvas size).
 */
public final class WebpChunks {

    static final int FIRST_CHUNK = 12;
    static final int ICC = 0x20;
    static final int ALPHA = 0x10;
    static final int EXIF = 0x08;
    static final int XMP = 0x04;

    private WebpChunks() {}

    static boolean isWebp(ByteBuffer b) {
        return b.limit() >= FIRST_CHUNK + 8 && "RIFF".equals(fourCc(b, 0)) && "WEBP".equals(fourCc(b, 8));
    }

    static String fourCc(ByteBuffer b, int at) {
        if (at + 4 > b.limit()) {
            return "";
        }
        byte[] code = new byte[4];
        b.get(at, code);
        return new String(code, StandardCharsets.ISO_8859_1);
    }

    static long chunkSize(ByteBuffer b, int at) {
        return b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(at + 4) & 0xFFFFFFFFL;
    }

    static int padded(long size) {
        return (int) (size + (size & 1));
    }

    static int uint24(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | (b.get(at + 2) & 0xFF) << 16;
    }

    /** Whether a lossless image says it uses its alpha channel (bit 28 of the header after its signature byte). */
    static boolean losslessHasAlpha(ByteBuffer b) {
        int header = FIRST_CHUNK + 8;
        if (header + 5 > b.limit() || (b.get(header) & 0xFF) != 0x2F) {
            return false;
        }
        int bits = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(header + 1);
        return (bits >>> 28 & 1) != 0;
    }

    /** The payload of a VP8X chunk: flags, three reserved bytes, canvas width − 1 and height − 1 (24 bits each). */
    static byte[] vp8x(int flags, int width, int height) {
        byte[] payload = new byte[10];
        payload[0] = (byte) flags;
        put24(payload, 4, width - 1);
        put24(payload, 7, height - 1);
        return payload;
    }

    private static void put24(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >>> 8);
        into[at + 2] = (byte) (value >>> 16);
    }

    static void write(ByteArrayOutputStream out, String fourCc, byte[] payload) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(fourCc.getBytes(StandardCharsets.ISO_8859_1)).putInt(payload.length);
        out.writeBytes(header.array());
        out.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            out.write(0);
        }
    }

    /** The payload of the first chunk with this code ({@code EXIF}, {@code ICCP}, {@code XMP }), or null. */
    public static byte[] find(ByteBuffer b, String fourCc) {
        if (!isWebp(b)) {
            return null;
        }
        int at = FIRST_CHUNK;
        while (at + 8 <= b.limit()) {
            long size = chunkSize(b, at);
            if (at + 8 + size > b.limit()) {
                return null;
            }
            if (fourCc.equals(fourCc(b, at))) {
                byte[] payload = new byte[(int) size];
                b.get(at + 8, payload);
                return payload;
            }
            at += 8 + padded(size);
        }
        return null;
    }
}
