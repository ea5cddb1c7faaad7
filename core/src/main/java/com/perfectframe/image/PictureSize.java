package com.perfectframe.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * How many pixels a picture says it has, read from its header without decoding: PNG (IHDR), WebP (VP8, VP8L or
 * VP8X), BMP, GIF and TIFF (first IFD). The pixel limit is checked against this before anything is decoded, so a
 * small file declaring a huge picture (a decompression bomb) costs nothing. JPEG's size comes from {@link
 * JpegStructure}, which walks its segments.
 */
final class PictureSize {

    /** The header does not say (or is not one of the formats read here). */
    static final long UNKNOWN = -1;

    private static final int TIFF_WIDTH = 256;
    private static final int TIFF_HEIGHT = 257;
    private static final int TIFF_SHORT = 3;
    private static final int TIFF_LONG = 4;

    private PictureSize() {}

    static boolean isWebp(ByteBuffer head) {
        return head.limit() >= 12 && fourCc(head, 0, "RIFF") && fourCc(head, 8, "WEBP");
    }

    /** Pixels a WebP declares (canvas of an extended file, else the first frame's size), or {@link #UNKNOWN}. */
    static long webp(ByteBuffer file) {
        ByteBuffer b = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (!isWebp(b) || b.limit() < 25) {
            return UNKNOWN;
        }
        if (fourCc(b, 12, "VP8X") && b.limit() >= 30) {
            // flags (1), reserved (3), canvas width - 1 and height - 1 (24 bits each)
            return (u24(b, 24) + 1L) * (u24(b, 27) + 1L);
        }
        if (fourCc(b, 12, "VP8L") && (b.get(20) & 0xFF) == 0x2F) {
            int bits = b.getInt(21);
            return ((bits & 0x3FFF) + 1L) * (((bits >>> 14) & 0x3FFF) + 1L);
        }
        if (fourCc(b, 12, "VP8 ")
                && b.limit() >= 30
                && (b.get(23) & 0xFF) == 0x9D
                && (b.get(24) & 0xFF) == 0x01
                && (b.get(25) & 0xFF) == 0x2A) {
            return (long) (b.getShort(26) & 0x3FFF) * (b.getShort(28) & 0x3FFF);
        }
        return UNKNOWN;
    }

    /** Pixels a BMP, GIF or TIFF declares, or {@link #UNKNOWN} for any other content. */
    static long other(ByteBuffer head, FileChannel file) throws IOException {
        ByteBuffer b = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() >= 26 && b.get(0) == 'B' && b.get(1) == 'M') {
            int headerSize = b.getInt(14);
            if (headerSize == 12) { // OS/2 core header: 16-bit sizes
                return (long) (b.getShort(18) & 0xFFFF) * (b.getShort(20) & 0xFFFF);
            }
            return Math.abs((long) b.getInt(18)) * Math.abs((long) b.getInt(22));
        }
        if (b.limit() >= 10 && b.get(0) == 'G' && b.get(1) == 'I' && b.get(2) == 'F') {
            return (long) (b.getShort(6) & 0xFFFF) * (b.getShort(8) & 0xFFFF);
        }
        if (b.limit() >= 8 && (b.get(0) == 'I' && b.get(1) == 'I' || b.get(0) == 'M' && b.get(1) == 'M')) {
            return tiff(b.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, head, file);
        }
        return UNKNOWN;
    }

    /** ImageWidth × ImageLength of a classic TIFF's first IFD. */
    private static long tiff(ByteOrder order, ByteBuffer head, FileChannel file) throws IOException {
        ByteBuffer b = head.duplicate().order(order);
        if (b.getShort(2) != 42) {
            return UNKNOWN; // BigTIFF (43) and anything else: not read here
        }
        long ifd = b.getInt(4) & 0xFFFFFFFFL;
        ByteBuffer count = read(file, ifd, 2, order);
        if (count == null) {
            return UNKNOWN;
        }
        int entries = count.getShort(0) & 0xFFFF;
        ByteBuffer table = read(file, ifd + 2, 12 * entries, order);
        if (table == null) {
            return UNKNOWN;
        }
        long width = 0;
        long height = 0;
        for (int i = 0; i < entries; i++) {
            int tag = table.getShort(12 * i) & 0xFFFF;
            int type = table.getShort(12 * i + 2) & 0xFFFF;
            long value = type == TIFF_SHORT
                    ? table.getShort(12 * i + 8) & 0xFFFF
                    : type == TIFF_LONG ? table.getInt(12 * i + 8) & 0xFFFFFFFFL : 0;
            if (tag == TIFF_WIDTH) {
                width = value;
            } else if (tag == TIFF_HEIGHT) {
                height = value;
            }
        }
        return width > 0 && height > 0 ? width * height : UNKNOWN;
    }

    private static ByteBuffer read(FileChannel file, long position, int length, ByteOrder order) throws IOException {
        if (position + length > file.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    private static boolean fourCc(ByteBuffer b, int at, String code) {
        for (int i = 0; i < 4; i++) {
            if (b.get(at + i) != code.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u24(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | (b.get(at + 2) & 0xFF) << 16;
    }
}
