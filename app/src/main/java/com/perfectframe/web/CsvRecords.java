package com.perfectframe.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the records of a CSV file in its bytes, with where each starts, without holding the file: quoted fields may
 * hold commas and line breaks, a record ends at a line break outside quotes. Line breaks and quotes are ASCII, which no
 * byte of a longer UTF-8 character can be, so the bytes need no decoding to be split. A record longer than {@link
 * #MAX_RECORD} bytes is reported without its bytes; what the fields are is the manifest reader's business.
 */
final class CsvRecords {

    /** Longest record kept: far more than a manifest or samples row takes (names are at most 255 bytes). */
    static final int MAX_RECORD = 16 * 1024;

    /** What is told of each record. */
    interface Sink {
        /**
         * One record, its bytes in {@code bytes[0, length)}, or {@code bytes == null} when it was too long.
         *
         * @return false to stop reading
         */
        boolean record(long offset, byte[] bytes, int length) throws IOException;
    }

    private CsvRecords() {}

    /**
     * Reads records from {@code in}, whose first byte is at {@code offset} in the file, until the end or until the
     * sink says stop.
     *
     * @return where reading stopped: after the last record told
     */
    static long scan(InputStream in, long offset, Sink sink) throws IOException {
        byte[] buffer = new byte[1 << 16];
        byte[] record = new byte[1024];
        int length = 0;
        boolean tooLong = false;
        boolean quoted = false;
        boolean afterCr = false;
        long start = offset;
        long position = offset;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++, position++) {
                byte b = buffer[i];
                if (afterCr) {
                    afterCr = false;
                    if (b == '\n') {
                        start = position + 1;
                        continue;
                    }
                }
                if (!quoted && (b == '\n' || b == '\r')) {
                    if (!sink.record(start, tooLong ? null : record, length)) {
                        return position + 1;
                    }
                    length = 0;
                    tooLong = false;
                    afterCr = b == '\r';
                    start = position + 1;
                    continue;
                }
                if (b == '"') {
                    quoted = !quoted;
                }
                if (!tooLong) {
                    if (length == MAX_RECORD) {
                        tooLong = true;
                    } else {
                        if (length == record.length) {
                            record = Arrays.copyOf(record, Math.min(MAX_RECORD, record.length * 2));
                        }
                        record[length++] = b;
                    }
                }
            }
        }
        if (length > 0 || tooLong) {
            sink.record(start, tooLong ? null : record, length);
        }
        return position;
    }

    /** The record's text, or null when its bytes are not UTF-8 (such a row is skipped, not guessed at). */
    static String text(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
