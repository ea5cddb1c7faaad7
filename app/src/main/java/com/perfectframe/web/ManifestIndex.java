package com.perfectframe.web;

import com.perfectframe.capture.CaptureTime;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToLongFunction;

/**
 * Where each row of one manifest is, read once: the gallery pages through it and looks pictures up by name without
 * reading the manifest again, and holds about 50 bytes a row instead of the rows themselves (a million rows: 50 MB,
 * not gigabytes).
 *
 * <p>For each row it keeps the record's place in the file, its score, when it was taken ({@code captured_at}, for the
 * capture-time order) and a 64-bit hash of its file name (its path relative to the folder: {@code trip/a.jpg}); a
 * row is read again from the file only when a page or a look-up needs it. The capture columns are found by the
 * header's names ({@link ManifestReader.Columns}): a manifest written before them has none. As in {@link ManifestReader}, the last row of a
 * name wins, and rows that cannot be read (too few fields, bytes that are not UTF-8, longer than {@link
 * CsvRecords#MAX_RECORD}) are skipped and counted. At most {@value #MAX_ROWS} rows are indexed; a longer manifest is
 * shown up to there and says so.
 */
final class ManifestIndex {

    static final int MAX_ROWS = 1_000_000;

    /** The orders the page offers. */
    enum Order {
        /** Best score first, unscored last, then the manifest's order. */
        SCORE,
        /** The manifest's order: per video, in time. */
        TIME,
        /**
         * When each picture was filmed or taken, earliest first (a time without its offset sorts as if it were UTC),
         * those whose time is unknown last, then the manifest's order.
         */
        CAPTURED
    }

    /** What identifies the file's version: a changed one is indexed again. */
    record Version(Object fileKey, long size, long modified) {
        static Version of(BasicFileAttributes attributes) {
            return new Version(
                    attributes.fileKey(),
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        }
    }

    private final Path file;
    private final Version version;
    private final long[] offsets;
    private final int[] lengths;
    private final float[] scores;
    private final long[] captured;
    private final long[] hashes;
    private final ManifestReader.Columns columns;
    private final int count;
    private final int unreadable;
    private final boolean truncated;
    private final int[] table;
    private final int[] live;
    private volatile int[] byScore;
    private volatile int[] byCapture;

    private ManifestIndex(Path file, Version version, Builder built) {
        this.file = file;
        this.version = version;
        this.count = built.count;
        this.offsets = Arrays.copyOf(built.offsets, count);
        this.lengths = Arrays.copyOf(built.lengths, count);
        this.scores = Arrays.copyOf(built.scores, count);
        this.captured = Arrays.copyOf(built.captured, count);
        this.hashes = Arrays.copyOf(built.hashes, count);
        this.columns = built.columns;
        this.unreadable = built.unreadable;
        this.truncated = built.truncated;
        this.table = new int[Integer.highestOneBit(Math.max(2, count) * 2) * 2];
        Arrays.fill(table, -1);
        BitSet superseded = new BitSet(count);
        for (int i = 0; i < count; i++) {
            int slot = slot(hashes[i]);
            if (table[slot] >= 0) {
                superseded.set(table[slot]);
            }
            table[slot] = i;
        }
        this.live = new int[count - superseded.cardinality()];
        for (int i = 0, j = 0; i < count; i++) {
            if (!superseded.get(i)) {
                live[j++] = i;
            }
        }
    }

    /** Reads the manifest (a regular file, opened without following a link) and indexes its rows. */
    static ManifestIndex build(Path file, Version version) throws IOException {
        Builder builder = new Builder();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16)) {
            CsvRecords.scan(in, 0, builder);
        }
        return new ManifestIndex(file, version, builder);
    }

    Version version() {
        return version;
    }

    /** Rows listed (the last of each name). */
    int total() {
        return live.length;
    }

    int unreadable() {
        return unreadable;
    }

    /** Whether the manifest has more rows than were indexed. */
    boolean truncated() {
        return truncated;
    }

    /** The rows from {@code offset} on in this order, at most {@code limit}, read from the file now. */
    List<ManifestRow> page(Order order, int offset, int limit) throws IOException {
        int[] ordered = switch (order) {
            case SCORE -> byScore();
            case CAPTURED -> byCapture();
            case TIME -> live;
        };
        int from = Math.min(offset, ordered.length);
        int to = (int) Math.min(ordered.length, (long) from + limit);
        try (FileChannel channel = open()) {
            ManifestRow[] rows = new ManifestRow[to - from];
            for (int i = from; i < to; i++) {
                rows[i - from] = read(channel, ordered[i]);
            }
            return Arrays.stream(rows).filter(Objects::nonNull).toList();
        }
    }

    /** The row listing this file name (the last one), or null. */
    ManifestRow find(String name) throws IOException {
        int row = table[slot(hash(name))];
        if (row < 0 || hashes[row] != hash(name)) {
            return null;
        }
        try (FileChannel channel = open()) {
            ManifestRow found = read(channel, row);
            return found != null && found.file().equals(name) ? found : null;
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    private ManifestRow read(FileChannel channel, int row) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(lengths[row]);
        long position = offsets[row];
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // read on
        }
        return parse(buffer.array(), buffer.position(), columns);
    }

    private int[] byScore() {
        int[] sorted = byScore;
        if (sorted == null) {
            sorted = sortedBy(row -> descending(scores[row]));
            byScore = sorted;
        }
        return sorted;
    }

    private int[] byCapture() {
        int[] sorted = byCapture;
        if (sorted == null) {
            sorted = sortedBy(row -> captured[row]);
            byCapture = sorted;
        }
        return sorted;
    }

    /**
     * The rows listed, in ascending order of a key, rows of the same key in the manifest's order: each key is replaced
     * by its rank among the keys (under a million), so rank and row fit one {@code long} and a primitive sort does it.
     */
    private int[] sortedBy(IntToLongFunction key) {
        long[] keys = new long[live.length];
        for (int i = 0; i < live.length; i++) {
            keys[i] = key.applyAsLong(live[i]);
        }
        long[] distinct = keys.clone();
        Arrays.sort(distinct);
        int n = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (n == 0 || distinct[n - 1] != distinct[i]) {
                distinct[n++] = distinct[i];
            }
        }
        for (int i = 0; i < live.length; i++) {
            keys[i] = (long) Arrays.binarySearch(distinct, 0, n, keys[i]) << 31 | live[i];
        }
        Arrays.sort(keys);
        int[] sorted = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = (int) (keys[i] & Integer.MAX_VALUE);
        }
        return sorted;
    }

    /** When a row's picture was taken, in ms since 1970 (a time without offset as if UTC); unknown: last of all. */
    static long captureKey(ManifestRow row) {
        CaptureTime time = CaptureTime.parse(row.capturedAt());
        if (time == null) {
            return Long.MAX_VALUE;
        }
        try {
            return (time.offset() == null ? time.local().toInstant(java.time.ZoneOffset.UTC) : time.instant())
                    .toEpochMilli();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE - 1; // beyond what a long of ms holds: after every real date
        }
    }

    /** A 32-bit key that sorts scores best first, unscored last. */
    private static long descending(float score) {
        if (Float.isNaN(score)) {
            return 0xFFFF_FFFFL;
        }
        int bits = Float.floatToIntBits(score);
        int ascending = bits ^ ((bits >> 31) & Integer.MAX_VALUE);
        return 0xFFFF_FFFEL - ((ascending ^ 0x8000_0000) & 0xFFFF_FFFFL);
    }

    private int slot(long hash) {
        int mask = table.length - 1;
        int slot = (int) (hash ^ hash >>> 32) & mask;
        while (table[slot] >= 0 && hashes[table[slot]] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** FNV-1a over the name's characters. */
    static long hash(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static List<String> fields(byte[] bytes, int length) {
        String text = CsvRecords.text(bytes, length);
        if (text == null) {
            return null;
        }
        List<List<String>> records = ManifestReader.records(text);
        return records.size() == 1 ? records.get(0) : null;
    }

    private static ManifestRow parse(byte[] bytes, int length, ManifestReader.Columns columns) {
        List<String> fields = fields(bytes, length);
        return fields == null ? null : ManifestReader.row(fields, columns);
    }

    /** Collects the rows while the file is read. */
    private static final class Builder implements CsvRecords.Sink {
        long[] offsets = new long[1024];
        int[] lengths = new int[1024];
        float[] scores = new float[1024];
        long[] captured = new long[1024];
        long[] hashes = new long[1024];
        ManifestReader.Columns columns = ManifestReader.Columns.CURRENT;
        int count;
        int unreadable;
        boolean truncated;
        boolean header = true;

        @Override
        public boolean record(long offset, byte[] bytes, int length) {
            if (header) {
                header = false;
                List<String> names = bytes == null ? null : fields(bytes, length);
                if (names != null) {
                    columns = ManifestReader.Columns.of(names);
                }
                return true;
            }
            if (length == 0 && bytes != null) {
                return true; // an empty line
            }
            ManifestRow row = bytes == null ? null : parse(bytes, length, columns);
            if (row == null) {
                unreadable++;
                return true;
            }
            if (count == MAX_ROWS) {
                truncated = true;
                return false;
            }
            if (count == offsets.length) {
                int grown = (int) Math.min(MAX_ROWS, count * 2L);
                offsets = Arrays.copyOf(offsets, grown);
                lengths = Arrays.copyOf(lengths, grown);
                scores = Arrays.copyOf(scores, grown);
                captured = Arrays.copyOf(captured, grown);
                hashes = Arrays.copyOf(hashes, grown);
            }
            offsets[count] = offset;
            lengths[count] = length;
            scores[count] = row.score() == null ? Float.NaN : row.score().floatValue();
            captured[count] = captureKey(row);
            hashes[count] = hash(row.file());
            count++;
            return true;
        }
    }
}
