package com.perfectframe.video.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Tells an MP4/MOV recording that was cut or never finished from a file that is not a video: such a file starts
 * with its {@code ftyp} box but lacks the {@code moov} box (the index, written when the recording is closed, or
 * lost with the end of the file), so FFmpeg can find no frame in it and says only "invalid data".
 */
final class Mp4Boxes {

    private Mp4Boxes() {}

    /** Why an MP4/MOV file cannot be opened, when its top-level boxes tell; null otherwise. */
    static String missingIndex(Path file) {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(16);
            long pos = 0;
            boolean first = true;
            while (pos + 8 <= size) {
                header.clear().limit((int) Math.min(16, size - pos));
                while (header.hasRemaining() && channel.read(header, pos + header.position()) >= 0) {}
                long boxSize = header.getInt(0) & 0xFFFFFFFFL;
                String type = new String(header.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (first && !type.equals("ftyp")) {
                    return null; // not the MP4 family
                }
                first = false;
                if (type.equals("moov")) {
                    return null; // the index is there: something else is wrong
                }
                if (boxSize == 1 && header.limit() >= 16) {
                    boxSize = header.getLong(8);
                } else if (boxSize == 0) {
                    boxSize = size - pos;
                }
                if (boxSize < 8) {
                    return null;
                }
                if (pos + boxSize > size) {
                    return String.format(
                            java.util.Locale.ROOT,
                            "is truncated: its %s box needs %d bytes more than the file has, and its index (moov) is"
                                    + " missing, so no frame can be found (a recording cut or copied before it was"
                                    + " finished)",
                            type,
                            pos + boxSize - size);
                }
                pos += boxSize;
            }
            return first
                    ? null
                    : "is unfinished: it has no index (moov box), which is written when a recording is closed, so"
                            + " no frame can be found";
        } catch (IOException e) {
            return null;
        }
    }
}
