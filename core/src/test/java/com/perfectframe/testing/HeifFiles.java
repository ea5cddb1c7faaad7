package com.perfectframe.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real HEIF files for tests: encoded by libheif's {@code heif-enc} and libavif's {@code avifenc}, decoded for
 * reference by {@code heif-convert} and {@code avifdec}, and rebuilt around the tools' own coded pictures where the
 * tools cannot write what a phone does (libheif 1.15 writes neither tile grids nor {@code irot}/{@code imir}): the
 * coded bytes and codec configuration are the encoder's, only the boxes that describe them are written here.
 */
public final class HeifFiles {

    private HeifFiles() {}

    /** Skips the test unless the command-line tool is installed (.ci/run installs them). */
    public static void assumeTool(String tool) {
        assumeTrue(onPath(tool), tool + " is not installed (libheif-examples / libavif-bin)");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a tool, failing the test with its output when it fails. */
    public static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + new String(output, StandardCharsets.UTF_8))
                .isZero();
    }

    /** One coded picture of a file that holds a single one: its type, its property boxes and its coded bytes. */
    public record Coded(String type, List<byte[]> properties, byte[] data) {

        /** The same picture with its ispe replaced (a header that lies about the size). */
        public Coded withSize(long width, long height) {
            List<byte[]> kept = new ArrayList<>();
            for (byte[] p : properties) {
                if (!"ispe".equals(fourCc(p, 4))) {
                    kept.add(p);
                }
            }
            kept.add(ispe(width, height));
            return new Coded(type, kept, data);
        }

        /** The same picture with more properties (irot, imir…). */
        public Coded with(byte[]... more) {
            List<byte[]> all = new ArrayList<>(properties);
            all.addAll(List.of(more));
            return new Coded(type, all, data);
        }
    }

    /**
     * The primary picture of a single-picture file as {@code heif-enc} or {@code avifenc} write it (iloc version 0
     * or 1 with one extent per item, ipma with 8-bit indices), and its EXIF item's payload, if any.
     */
    public static Coded primary(byte[] file) {
        ByteBuffer meta = find(ByteBuffer.wrap(file), "meta");
        ByteBuffer children = meta.slice(12, meta.limit() - 12);
        int primary = -1;
        List<byte[]> ipco = new ArrayList<>();
        ByteBuffer ipma = null;
        ByteBuffer iinf = null;
        ByteBuffer iloc = null;
        for (ByteBuffer box : boxes(children)) {
            switch (fourCc(box, 4)) {
                case "pitm" -> primary = box.getShort(12) & 0xFFFF;
                case "iinf" -> iinf = box;
                case "iloc" -> iloc = box;
                case "iprp" -> {
                    for (ByteBuffer child : boxes(box.slice(8, box.limit() - 8))) {
                        if ("ipco".equals(fourCc(child, 4))) {
                            for (ByteBuffer p : boxes(child.slice(8, child.limit() - 8))) {
                                ipco.add(bytes(p));
                            }
                        } else if ("ipma".equals(fourCc(child, 4))) {
                            ipma = child;
                        }
                    }
                }
                default -> {}
            }
        }
        assertThat(primary).isPositive();
        String type = itemType(iinf, primary);
        List<byte[]> properties = new ArrayList<>();
        int entries = ipma.getInt(12);
        int at = 16;
        for (int e = 0; e < entries; e++) {
            int id = ipma.getShort(at) & 0xFFFF;
            int n = ipma.get(at + 2) & 0xFF;
            for (int k = 0; k < n; k++) {
                int index = ipma.get(at + 3 + k) & 0x7F;
                if (id == primary) {
                    properties.add(ipco.get(index - 1));
                }
            }
            at += 3 + n;
        }
        return new Coded(type, properties, itemData(file, iloc, primary));
    }

    /** The EXIF item's payload (a 4-byte offset, then TIFF) of a file that has one, or null. */
    public static byte[] exifPayload(byte[] file) {
        ByteBuffer meta = find(ByteBuffer.wrap(file), "meta");
        ByteBuffer children = meta.slice(12, meta.limit() - 12);
        ByteBuffer iinf = null;
        ByteBuffer iloc = null;
        for (ByteBuffer box : boxes(children)) {
            if ("iinf".equals(fourCc(box, 4))) {
                iinf = box;
            } else if ("iloc".equals(fourCc(box, 4))) {
                iloc = box;
            }
        }
        for (int id = 1; id < 100; id++) {
            if ("Exif".equals(itemType(iinf, id))) {
                return itemData(file, iloc, id);
            }
        }
        return null;
    }

    /** A file with one picture, and an EXIF item describing it when {@code exif} is not null. */
    public static byte[] single(String brand, Coded picture, byte[] exif) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(1, picture.type(), picture.properties(), picture.data()));
        if (exif != null) {
            items.add(new Item(2, "Exif", List.of(), exif));
        }
        return write(brand, 1, items, exif != null ? List.of(reference("cdsc", 2, 1)) : List.of());
    }

    /**
     * A grid of {@code columns} × {@code rows} tiles (row by row) cut to {@code width} × {@code height}, as iPhones
     * write their photos; {@code gridProperties} (irot, imir) belong to the grid item.
     */
    public static byte[] grid(
            String brand, List<Coded> tiles, int columns, int rows, int width, int height, byte[]... gridProperties) {
        List<Item> items = new ArrayList<>();
        byte[] descriptor = ByteBuffer.allocate(8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) (rows - 1))
                .put((byte) (columns - 1))
                .putShort((short) width)
                .putShort((short) height)
                .array();
        List<byte[]> properties = new ArrayList<>(List.of(ispe(width, height)));
        properties.addAll(List.of(gridProperties));
        items.add(new Item(1, "grid", properties, descriptor));
        List<Integer> ids = new ArrayList<>();
        for (int t = 0; t < tiles.size(); t++) {
            Coded tile = tiles.get(t);
            items.add(new Item(2 + t, tile.type(), tile.properties(), tile.data(), true));
            ids.add(2 + t);
        }
        return write(
                brand,
                1,
                items,
                List.of(reference("dimg", 1, ids.stream().mapToInt(i -> i).toArray())));
    }

    /** {@code irot}: the picture is shown turned {@code quarters} × 90° anticlockwise. */
    public static byte[] irot(int quarters) {
        return box("irot", new byte[] {(byte) (quarters & 3)});
    }

    /** {@code imir}: mirrored about a vertical axis (0) or a horizontal one (1), as ISO/IEC 23008-12:2022 says. */
    public static byte[] imir(int axis) {
        return box("imir", new byte[] {(byte) (axis & 1)});
    }

    /** {@code colr} giving the colours by an ICC profile. */
    public static byte[] colrIcc(byte[] profile) {
        return box("colr", concat("prof".getBytes(StandardCharsets.ISO_8859_1), profile));
    }

    public static byte[] ispe(long width, long height) {
        return box(
                "ispe",
                ByteBuffer.allocate(12)
                        .putInt(0)
                        .putInt((int) width)
                        .putInt((int) height)
                        .array());
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** An item; a hidden one (a tile) is not a picture of its own (infe flag 1). */
    private record Item(int id, String type, List<byte[]> properties, byte[] data, boolean hidden) {
        Item(int id, String type, List<byte[]> properties, byte[] data) {
            this(id, type, properties, data, false);
        }
    }

    private record Reference(String type, int from, int[] to) {}

    private static Reference reference(String type, int from, int... to) {
        return new Reference(type, from, to);
    }

    private static byte[] write(String brand, int primary, List<Item> items, List<Reference> references) {
        byte[] ftyp = box("ftyp", (brand + "\0\0\0\0" + "mif1" + brand + "miaf").getBytes(StandardCharsets.ISO_8859_1));
        byte[] meta = meta(primary, items, references, 0);
        long mdatStart = ftyp.length + meta.length + 8L;
        meta = meta(primary, items, references, mdatStart);
        ByteArrayOutputStream mdat = new ByteArrayOutputStream();
        for (Item item : items) {
            mdat.writeBytes(item.data());
        }
        return concat(ftyp, meta, box("mdat", mdat.toByteArray()));
    }

    private static byte[] meta(int primary, List<Item> items, List<Reference> references, long mdatStart) {
        byte[] hdlr =
                fullBox("hdlr", 0, concat(new byte[4], "pict".getBytes(StandardCharsets.ISO_8859_1), new byte[13]));
        byte[] pitm = fullBox(
                "pitm", 0, ByteBuffer.allocate(2).putShort((short) primary).array());
        ByteArrayOutputStream infes = new ByteArrayOutputStream();
        for (Item item : items) {
            infes.writeBytes(fullBox(
                    "infe",
                    2 << 24 | (item.hidden() ? 1 : 0),
                    concat(
                            ByteBuffer.allocate(4)
                                    .putShort((short) item.id())
                                    .putShort((short) 0)
                                    .array(),
                            item.type().getBytes(StandardCharsets.ISO_8859_1),
                            new byte[1])));
        }
        byte[] iinf = fullBox(
                "iinf",
                0,
                concat(ByteBuffer.allocate(2).putShort((short) items.size()).array(), infes.toByteArray()));
        // iloc version 0: 4-byte offsets and lengths, no base offset; one extent per item.
        ByteBuffer iloc = ByteBuffer.allocate(4 + items.size() * 14);
        iloc.put((byte) 0x44).put((byte) 0).putShort((short) items.size());
        long offset = mdatStart;
        for (Item item : items) {
            iloc.putShort((short) item.id()).putShort((short) 0).putShort((short) 1);
            iloc.putInt((int) offset).putInt(item.data().length);
            offset += item.data().length;
        }
        List<byte[]> ipco = new ArrayList<>();
        ByteArrayOutputStream ipma = new ByteArrayOutputStream();
        ipma.writeBytes(ByteBuffer.allocate(4).putInt(items.size()).array());
        for (Item item : items) {
            ipma.writeBytes(ByteBuffer.allocate(3)
                    .putShort((short) item.id())
                    .put((byte) item.properties().size())
                    .array());
            for (byte[] property : item.properties()) {
                int index = indexOf(ipco, property);
                if (index < 0) {
                    ipco.add(property);
                    index = ipco.size() - 1;
                }
                String type = fourCc(ByteBuffer.wrap(property), 4);
                boolean essential = !"ispe".equals(type) && !"pixi".equals(type) && !"colr".equals(type);
                // (colr, ispe and pixi describe; hvcC/av1C, irot and imir must be understood to show the picture)
                ipma.write((essential ? 0x80 : 0) | (index + 1));
            }
        }
        byte[] iprp = box(
                "iprp",
                concat(box("ipco", concat(ipco.toArray(new byte[0][]))), fullBox("ipma", 0, ipma.toByteArray())));
        ByteArrayOutputStream refs = new ByteArrayOutputStream();
        for (Reference r : references) {
            ByteBuffer b = ByteBuffer.allocate(4 + 2 * r.to().length);
            b.putShort((short) r.from()).putShort((short) r.to().length);
            for (int to : r.to()) {
                b.putShort((short) to);
            }
            refs.writeBytes(box(r.type(), b.array()));
        }
        byte[] iref = references.isEmpty() ? new byte[0] : fullBox("iref", 0, refs.toByteArray());
        return fullBox("meta", 0, concat(hdlr, pitm, iinf, iref, iprp, fullBox("iloc", 0, trimmed(iloc))));
    }

    private static byte[] trimmed(ByteBuffer b) {
        return Arrays.copyOf(b.array(), b.position());
    }

    private static int indexOf(List<byte[]> list, byte[] value) {
        for (int i = 0; i < list.size(); i++) {
            if (Arrays.equals(list.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** A FullBox: the iloc body written above already holds its version and flags, so {@code versionAndFlags}… */
    private static byte[] fullBox(String type, int versionAndFlags, byte[] body) {
        if ("iloc".equals(type)) {
            // version 0, flags 0, then the fields written by meta()
            return box(type, concat(new byte[4], body));
        }
        return box(type, concat(ByteBuffer.allocate(4).putInt(versionAndFlags).array(), body));
    }

    public static byte[] box(String type, byte[] body) {
        return concat(
                ByteBuffer.allocate(8)
                        .putInt(8 + body.length)
                        .put(type.getBytes(StandardCharsets.ISO_8859_1))
                        .array(),
                body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static String itemType(ByteBuffer iinf, int id) {
        int version = iinf.get(8);
        ByteBuffer list = iinf.slice(version == 0 ? 14 : 16, iinf.limit() - (version == 0 ? 14 : 16));
        for (ByteBuffer infe : boxes(list)) {
            if ((infe.getShort(12) & 0xFFFF) == id) {
                return fourCc(infe, 16);
            }
        }
        return null;
    }

    private static byte[] itemData(byte[] file, ByteBuffer iloc, int id) {
        int version = iloc.get(8);
        int offsetSize = (iloc.get(12) & 0xFF) >> 4;
        int lengthSize = iloc.get(12) & 0xF;
        int baseSize = (iloc.get(13) & 0xFF) >> 4;
        ByteBuffer b = iloc.duplicate().position(14);
        int count = b.getShort() & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int item = b.getShort() & 0xFFFF;
            if (version == 1) {
                b.getShort();
            }
            b.getShort();
            long base = read(b, baseSize);
            int extents = b.getShort() & 0xFFFF;
            long offset = 0;
            long length = 0;
            for (int e = 0; e < extents; e++) {
                offset = base + read(b, offsetSize);
                length = read(b, lengthSize);
            }
            if (item == id) {
                assertThat(extents).isEqualTo(1);
                return Arrays.copyOfRange(file, (int) offset, (int) (offset + length));
            }
        }
        throw new AssertionError("no item " + id);
    }

    private static long read(ByteBuffer b, int size) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> b.getInt() & 0xFFFFFFFFL;
            case 8 -> b.getLong();
            default -> throw new AssertionError("size " + size);
        };
    }

    private static ByteBuffer find(ByteBuffer file, String type) {
        for (ByteBuffer box : boxes(file)) {
            if (type.equals(fourCc(box, 4))) {
                return box;
            }
        }
        throw new AssertionError("no " + type + " box");
    }

    private static List<ByteBuffer> boxes(ByteBuffer b) {
        List<ByteBuffer> out = new ArrayList<>();
        int pos = 0;
        while (pos + 8 <= b.limit()) {
            int size = b.getInt(pos);
            out.add(b.slice(pos, size));
            pos += size;
        }
        return out;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.limit()];
        b.get(0, out);
        return out;
    }

    private static String fourCc(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] bytes = new byte[4];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
