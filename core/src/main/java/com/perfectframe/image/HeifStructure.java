package com.perfectframe.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a HEIF file (HEIC, AVIF) says about its pictures, read from its {@code meta} box without decoding anything:
 * the primary item, the size it declares ({@code ispe}), its tiles, its alpha plane, its EXIF item, and where each
 * item's bytes lie.
 *
 * <p>FFmpeg's demuxer reads the same boxes to decode the picture; this small reader exists for what must be known
 * before FFmpeg is given the file (the pixel limit against a decompression bomb, a file cut short) and for what FFmpeg
 * does not hand back as it is stored (the EXIF item: FFmpeg rewrites it). ISO/IEC 23008-12 and ISO/IEC 14496-12.
 */
final class HeifStructure {

    /** The {@code ftyp} brands of HEIF stills: HEVC (iPhones, many Android phones), AV1, and the generic ones. */
    private static final Set<String> BRANDS =
            Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "mif2", "avif", "avis");

    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    /** A {@code meta} box larger than this is not a photo's (an iPhone's is a few KB). */
    private static final long MAX_META_BYTES = 16L << 20;

    private static final Set<String> ALPHA_TYPES =
            Set.of("urn:mpeg:hevc:2015:auxid:1", "urn:mpeg:mpegB:cicp:systems:auxiliary:alpha");

    /** Where an item's bytes are: its extents, in the file or in the {@code idat} box. */
    record Extent(long offset, long length) {}

    private final int primary;
    private final Map<Integer, String> types;
    private final Map<Integer, List<Extent>> extents;
    private final Map<Integer, Boolean> inIdat;
    private final Map<Integer, long[]> sizes;
    private final Map<Integer, String> auxiliaryTypes;
    private final Map<Integer, byte[]> iccProfiles;
    private final Map<String, Map<Integer, List<Integer>>> references;
    private final ByteBuffer idat;

    private HeifStructure(HeifMetaBox p) {
        this.primary = p.primary;
        this.types = p.types;
        this.extents = p.extents;
        this.inIdat = p.inIdat;
        this.sizes = p.sizes;
        this.auxiliaryTypes = p.auxiliaryTypes;
        this.iccProfiles = p.iccProfiles;
        this.references = p.references;
        this.idat = p.idat;
    }

    /** Whether the file's first bytes are a HEIF {@code ftyp} box naming a still-picture brand. */
    static boolean isHeif(ByteBuffer head) {
        return brand(head, BRANDS) != null;
    }

    /** "AVIF" or "HEIC", as the file's brands say, for messages. */
    private static String formatName(ByteBuffer head) {
        return brand(head, AVIF_BRANDS) != null ? "AVIF" : "HEIC";
    }

    private static String brand(ByteBuffer head, Set<String> wanted) {
        if (head.limit() < 16 || !"ftyp".equals(HeifMetaBox.fourCc(head, 4))) {
            return null;
        }
        int boxEnd = Math.min(head.limit(), Math.max(16, head.getInt(0)));
        for (int pos = 8; pos + 4 <= boxEnd; pos += pos == 8 ? 8 : 4) { // major brand, minor version, compatible
            String brand = HeifMetaBox.fourCc(head, pos);
            if (wanted.contains(brand)) {
                return brand;
            }
        }
        return null;
    }

    /** What is read from a HEIF file's structure and, where needed, its bytes. */
    interface FileReading<T> {
        T read(HeifStructure heif, FileChannel file) throws IOException;
    }

    /**
     * Opens the file and, when it is HEIF, reads its structure and hands both to {@code reading}; empty when the file
     * is not HEIF or {@code reading} finds nothing.
     *
     * @throws IOException when the file cannot be read or its HEIF metadata is damaged
     */
    static <T> Optional<T> ifHeif(Path path, FileReading<T> reading) throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(64, file.size()));
            while (head.hasRemaining() && file.read(head, head.position()) >= 0) {
                // the first bytes: ftyp
            }
            if (!isHeif(head.flip())) {
                return Optional.empty();
            }
            return Optional.ofNullable(reading.read(read(file), file));
        }
    }

    /**
     * Reads the {@code meta} box of a HEIF file.
     *
     * @throws IOException with a one-line reason when the file has no readable {@code meta} box or primary item
     */
    static HeifStructure read(FileChannel file) throws IOException {
        long size = file.size();
        long pos = 0;
        while (pos + 8 <= size) {
            ByteBuffer header = readAt(file, pos, (int) Math.min(16, size - pos));
            long boxSize = header.getInt(0) & 0xFFFFFFFFL;
            String type = HeifMetaBox.fourCc(header, 4);
            int headerSize = 8;
            if (boxSize == 1 && header.limit() >= 16) {
                boxSize = header.getLong(8);
                headerSize = 16;
            } else if (boxSize == 0) {
                boxSize = size - pos;
            }
            if (boxSize < headerSize) {
                throw new IOException("is damaged: a HEIF box has an impossible size");
            }
            if ("meta".equals(type)) {
                if (boxSize > MAX_META_BYTES) {
                    throw new IOException("is damaged: its HEIF metadata claims " + boxSize + " bytes");
                }
                if (pos + boxSize > size) {
                    throw new IOException("is cut short: it ends inside its HEIF metadata");
                }
                ByteBuffer meta = readAt(file, pos + headerSize, (int) (boxSize - headerSize));
                HeifMetaBox parser = new HeifMetaBox();
                try {
                    parser.meta(meta);
                } catch (RuntimeException e) { // IndexOutOfBounds, BufferUnderflow, IllegalArgument: bad lengths
                    throw new IOException("is damaged: its HEIF metadata cannot be read", e);
                }
                if (parser.primary < 0 || !parser.types.containsKey(parser.primary)) {
                    throw new IOException("is damaged: its HEIF metadata names no primary picture");
                }
                return new HeifStructure(parser);
            }
            pos += boxSize;
        }
        throw new IOException("has no HEIF metadata (meta box): not a still picture, or cut short");
    }

    /**
     * {@link #read}, then checks that the primary picture says how large it is and that its bytes (tiles and alpha
     * plane included) lie within the file, so that neither a size nor a cut is left for the decoder to find.
     *
     * @param head the file's first bytes, for the format's name in messages
     * @throws IOException with a one-line reason
     */
    static HeifStructure readWhole(FileChannel file, ByteBuffer head) throws IOException {
        HeifStructure heif = read(file);
        if (heif.declaredPixels() < 0) {
            throw new IOException("is damaged: its " + formatName(head) + " metadata gives its picture no size (ispe)");
        }
        long end = heif.dataEnd(heif.primary);
        if (end > file.size()) {
            throw new IOException(String.format(
                    Locale.ROOT,
                    "is cut short: its picture's data runs to byte %d, the file has %d bytes",
                    end,
                    file.size()));
        }
        return heif;
    }

    int primary() {
        return primary;
    }

    /** The item's four-letter type: {@code hvc1}, {@code av01}, {@code grid}, {@code Exif}… or null. */
    String type(int item) {
        return types.get(item);
    }

    /** The tiles of a {@code grid} item, in its order (row by row); empty for a coded item. */
    List<Integer> tiles(int item) {
        return references.getOrDefault("dimg", Map.of()).getOrDefault(item, List.of());
    }

    /** The alpha plane of an item ({@code auxl} reference with an alpha {@code auxC}), or -1. */
    int alphaOf(int item) {
        for (Map.Entry<Integer, List<Integer>> auxiliary :
                references.getOrDefault("auxl", Map.of()).entrySet()) {
            if (auxiliary.getValue().contains(item)
                    && ALPHA_TYPES.contains(auxiliaryTypes.getOrDefault(auxiliary.getKey(), ""))) {
                return auxiliary.getKey();
            }
        }
        return -1;
    }

    /** The EXIF item describing the primary picture ({@code cdsc}), else the file's only EXIF item, or -1. */
    int exif() {
        int any = -1;
        int count = 0;
        for (Map.Entry<Integer, String> item : types.entrySet()) {
            if (!"Exif".equals(item.getValue())) {
                continue;
            }
            List<Integer> described = references.getOrDefault("cdsc", Map.of()).getOrDefault(item.getKey(), List.of());
            if (described.contains(primary)) {
                return item.getKey();
            }
            any = item.getKey();
            count++;
        }
        return count == 1 ? any : -1;
    }

    /**
     * The ICC profile ({@code colr} of type {@code prof} or {@code rICC}) of the primary picture, else of its first
     * tile (a grid's colour is often given on its tiles only), or null.
     */
    byte[] iccProfile() {
        byte[] own = iccProfiles.get(primary);
        if (own != null) {
            return own.clone();
        }
        List<Integer> tiles = tiles(primary);
        byte[] tile = tiles.isEmpty() ? null : iccProfiles.get(tiles.get(0));
        return tile == null ? null : tile.clone();
    }

    /**
     * Pixels the picture declares: its own {@code ispe}, or for a grid the larger of that and its tiles' sum (what
     * decoding them takes); -1 when an item needed has no size.
     */
    long declaredPixels() {
        long own = pixels(primary);
        long tiles = 0;
        for (int tile : tiles(primary)) {
            long p = pixels(tile);
            if (p < 0) {
                return -1;
            }
            tiles = saturatedAdd(tiles, p);
        }
        return own < 0 ? -1 : Math.max(own, tiles);
    }

    private long pixels(int item) {
        long[] size = sizes.get(item);
        return size == null ? -1 : size[0] * size[1];
    }

    /**
     * The end of the last byte the item (its tiles, its alpha plane) stores in the file, to tell a file cut short
     * before it is decoded.
     */
    long dataEnd(int item) {
        long end = end(item);
        for (int tile : tiles(item)) {
            end = Math.max(end, end(tile));
        }
        int alpha = alphaOf(item);
        return alpha < 0 ? end : Math.max(end, dataEnd(alpha));
    }

    private long end(int item) {
        if (Boolean.TRUE.equals(inIdat.get(item))) {
            return 0;
        }
        long end = 0;
        for (Extent e : extents.getOrDefault(item, List.of())) {
            end = Math.max(end, saturatedAdd(e.offset(), e.length()));
        }
        return end;
    }

    /** An item's stored bytes (at most {@code maxBytes}), or null when it has none or more than that. */
    byte[] data(FileChannel file, int item, int maxBytes) throws IOException {
        List<Extent> parts = extents.get(item);
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        long total = 0;
        for (Extent e : parts) {
            total = saturatedAdd(total, e.length());
        }
        if (total <= 0 || total > maxBytes) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        for (Extent e : parts) {
            if (Boolean.TRUE.equals(inIdat.get(item))) {
                if (idat == null || e.offset() + e.length() > idat.limit()) {
                    return null;
                }
                out.put(idat.duplicate().position((int) e.offset()).limit((int) (e.offset() + e.length())));
            } else {
                if (e.offset() + e.length() > file.size()) {
                    return null;
                }
                out.put(readAt(file, e.offset(), (int) e.length()));
            }
        }
        return out.array();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static ByteBuffer readAt(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("is cut short: it ends inside its HEIF metadata");
            }
        }
        return buffer.flip();
    }
}
