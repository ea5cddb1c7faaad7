package com.perfectframe.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a PNG's chunks tell without decoding: its size (IHDR) and its EXIF block ({@code eXIf}), if any. */
final class PngStructure {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngStructure() {}

    static boolean isPng(ByteBuffer head) {
        if (head.limit() < 24) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head.get(i) != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Width and height from IHDR (the first chunk); 0 when unreadable. */
    static long pixels(ByteBuffer file) {
        ByteBuffer head = file.duplicate().order(ByteOrder.BIG_ENDIAN);
        long width = head.getInt(16) & 0xFFFFFFFFL;
        long height = head.getInt(20) & 0xFFFFFFFFL;
        return width * height;
    }

    /** The {@code eXIf} chunk's data, or null. */
    static ByteBuffer exif(ByteBuffer file) {
        ByteBuffer data = file.duplicate().order(ByteOrder.BIG_ENDIAN);
        int pos = SIGNATURE.length;
        while (pos + 8 <= data.limit()) {
            long length = data.getInt(pos) & 0xFFFFFFFFL;
            int type = data.getInt(pos + 4);
            if (length > data.limit() - pos - 12L) {
                return null;
            }
            if (type == fourCc("eXIf")) {
                return data.slice(pos + 8, (int) length);
            }
            if (type == fourCc("IEND")) {
                return null;
            }
            pos += 12 + (int) length;
        }
        return null;
    }

    private static int fourCc(String s) {
        return (s.charAt(0) << 24) | (s.charAt(1) << 16) | (s.charAt(2) << 8) | s.charAt(3);
    }
}
