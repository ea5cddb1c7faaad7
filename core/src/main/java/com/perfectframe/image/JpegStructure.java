package com.perfectframe.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * What a JPEG's marker structure tells before and after decoding: the frame's size from its SOF header (to choose a
 * reduced decoding scale without decoding), and whether the file reaches its end-of-image marker (libjpeg decodes a
 * cut file without an error, filling what is missing, so a cut has to be found here).
 *
 * <p>Segments are skipped by their lengths, so a thumbnail's markers inside EXIF never count as the picture's own.
 */
final class JpegStructure {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;

    private JpegStructure() {}

    /** A frame's size in pixels, as stored (before any EXIF orientation). */
    record FrameSize(int width, int height) {}

    /** Whether the bytes start like a JPEG (SOI then a marker). */
    static boolean isJpeg(ByteBuffer head) {
        return head.remaining() >= 3 && u8(head, 0) == 0xFF && u8(head, 1) == SOI && u8(head, 2) == 0xFF;
    }

    /**
     * Reads the frame size from the first SOF segment, reading only the segment headers before it.
     *
     * @return the size, or null when the file has no SOF before its scan data (not a usable JPEG)
     */
    static FrameSize frameSize(FileChannel file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(9);
        long size = file.size();
        long pos = 2;
        while (pos + 4 <= size) {
            read(file, buffer.clear().limit(2), pos);
            if (u8(buffer, 0) != 0xFF) {
                return null;
            }
            int marker = u8(buffer, 1);
            if (marker == 0xFF) {
                pos++; // a fill byte
                continue;
            }
            if (marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (marker == EOI || marker == SOS || marker == SOI) {
                return null;
            }
            if (isStartOfFrame(marker)) {
                if (pos + 9 > size) {
                    return null;
                }
                read(file, buffer.clear().limit(9), pos);
                int height = u16(buffer, 5);
                int width = u16(buffer, 7);
                return width > 0 && height > 0 ? new FrameSize(width, height) : null;
            }
            read(file, buffer.clear().limit(4), pos);
            pos += 2 + u16(buffer, 2);
        }
        return null;
    }

    /**
     * Whether the whole file was there: its structure reaches the end-of-image marker. A file that ends with that
     * marker is complete at once; otherwise (trailing bytes after it, or a cut) the segments and scans are walked.
     */
    static boolean reachesEnd(ByteBuffer data) {
        int end = data.limit();
        if (end >= 4 && u8(data, end - 2) == 0xFF && u8(data, end - 1) == EOI) {
            return true;
        }
        int pos = 2;
        while (true) {
            if (pos >= end) {
                return false;
            }
            if (u8(data, pos) != 0xFF) {
                return true; // not a marker: damaged in another way, which the decoder judges
            }
            while (pos < end && u8(data, pos) == 0xFF) {
                pos++;
            }
            if (pos >= end) {
                return false;
            }
            int marker = u8(data, pos++);
            if (marker == EOI) {
                return true;
            }
            if (marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (pos + 2 > end) {
                return false;
            }
            pos += u16(data, pos);
            if (marker == SOS) {
                pos = endOfScan(data, pos);
                if (pos < 0) {
                    return false;
                }
            }
        }
    }

    /** Where the entropy-coded data starting at {@code pos} ends (its next real marker), or -1 if it runs out. */
    private static int endOfScan(ByteBuffer data, int pos) {
        int end = data.limit() - 1;
        while (pos < end) {
            if (u8(data, pos) != 0xFF) {
                pos++;
                continue;
            }
            int next = u8(data, pos + 1);
            if (next == 0xFF) {
                pos++;
            } else if (next == 0 || (next >= 0xD0 && next <= 0xD7)) {
                pos += 2; // a stuffed byte or a restart marker: still in the scan
            } else {
                return pos;
            }
        }
        return -1;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static void read(FileChannel file, ByteBuffer buffer, long pos) throws IOException {
        while (buffer.hasRemaining()) {
            if (file.read(buffer, pos + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
    }

    private static int u8(ByteBuffer b, int i) {
        return b.get(i) & 0xFF;
    }

    private static int u16(ByteBuffer b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }
}
