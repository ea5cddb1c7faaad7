package com.perfectframe.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the boxes inside a HEIF file's {@code meta} box into plain maps for {@link HeifStructure}: items and their
 * types ({@code iinf}), where their bytes are ({@code iloc}, {@code idat}), references ({@code iref}: tiles, alpha,
 * EXIF) and properties ({@code ipco}/{@code ipma}: sizes, colour profiles). Each box's content is a slice, so a bad
 * length cannot reach outside it.
 */
final class HeifMetaBox {

    int primary = -1;
    final Map<Integer, String> types = new HashMap<>();
    final Map<Integer, List<HeifStructure.Extent>> extents = new HashMap<>();
    final Map<Integer, Boolean> inIdat = new HashMap<>();
    final Map<Integer, long[]> sizes = new HashMap<>();
    final Map<Integer, String> auxiliaryTypes = new HashMap<>();
    final Map<Integer, byte[]> iccProfiles = new HashMap<>();
    final Map<String, Map<Integer, List<Integer>>> references = new HashMap<>();
    final List<ByteBuffer> properties = new ArrayList<>();
    final List<String> propertyTypes = new ArrayList<>();
    ByteBuffer idat;

    void meta(ByteBuffer meta) {
        ByteBuffer b = meta.slice().position(4); // FullBox: version and flags
        ByteBuffer ipma = null;
        for (ByteBuffer box = next(b); box != null; box = next(b)) {
            switch (typeOf(box)) {
                case "pitm" -> primary = version(box) == 0 ? u16(box, 12) : box.getInt(12);
                case "iinf" -> iinf(body(box));
                case "iloc" -> iloc(body(box));
                case "iref" -> iref(body(box));
                case "idat" -> idat = body(box).slice();
                case "iprp" -> {
                    ByteBuffer iprp = body(box);
                    for (ByteBuffer child = next(iprp); child != null; child = next(iprp)) {
                        if ("ipco".equals(typeOf(child))) {
                            ipco(body(child));
                        } else if ("ipma".equals(typeOf(child))) {
                            ipma = child;
                        }
                    }
                }
                default -> {}
            }
        }
        if (ipma != null) {
            ipma(ipma);
        }
    }

    private void iinf(ByteBuffer b) {
        int version = b.get(0);
        b.position(version == 0 ? 6 : 8);
        for (ByteBuffer infe = next(b); infe != null; infe = next(b)) {
            int v = version(infe);
            if (v < 2) {
                continue;
            }
            // After the header, version and flags: item_ID (16 or 32 bits), item_protection_index, item_type.
            int id = v == 2 ? u16(infe, 12) : infe.getInt(12);
            types.put(id, fourCc(infe, v == 2 ? 16 : 18));
        }
    }

    private void iloc(ByteBuffer b) {
        int version = b.get(0);
        int sizes1 = b.get(4) & 0xFF;
        int sizes2 = b.get(5) & 0xFF;
        int offsetSize = sizes1 >> 4;
        int lengthSize = sizes1 & 0xF;
        int baseOffsetSize = sizes2 >> 4;
        int indexSize = version == 1 || version == 2 ? sizes2 & 0xF : 0;
        b.position(6);
        long count = version < 2 ? u16(b) : u32(b);
        for (long i = 0; i < count; i++) {
            int id = version < 2 ? u16(b) : (int) u32(b);
            int method = 0;
            if (version == 1 || version == 2) {
                method = u16(b) & 0xF;
            }
            u16(b); // data_reference_index
            long base = sized(b, baseOffsetSize);
            int extentCount = u16(b);
            List<HeifStructure.Extent> list = new ArrayList<>();
            for (int k = 0; k < extentCount; k++) {
                sized(b, indexSize);
                long offset = sized(b, offsetSize);
                long length = sized(b, lengthSize);
                list.add(new HeifStructure.Extent(base + offset, length));
            }
            extents.put(id, list);
            inIdat.put(id, method == 1);
        }
    }

    private void iref(ByteBuffer b) {
        boolean wide = b.get(0) != 0;
        b.position(4);
        for (ByteBuffer ref = next(b); ref != null; ref = next(b)) {
            String type = typeOf(ref);
            ByteBuffer r = body(ref);
            int from = wide ? r.getInt() : u16(r);
            int n = u16(r);
            List<Integer> to = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                to.add(wide ? r.getInt() : u16(r));
            }
            references.computeIfAbsent(type, t -> new HashMap<>()).put(from, to);
        }
    }

    private void ipco(ByteBuffer b) {
        for (ByteBuffer property = next(b); property != null; property = next(b)) {
            properties.add(body(property));
            propertyTypes.add(typeOf(property));
        }
    }

    private void ipma(ByteBuffer box) {
        int version = version(box);
        boolean wideIndex = (box.getInt(8) & 1) != 0;
        ByteBuffer b = body(box).position(4);
        long count = u32(b);
        for (long i = 0; i < count; i++) {
            int id = version < 1 ? u16(b) : b.getInt();
            int n = b.get() & 0xFF;
            for (int k = 0; k < n; k++) {
                int index = wideIndex ? u16(b) & 0x7FFF : b.get() & 0x7F;
                if (index == 0 || index > properties.size()) {
                    continue;
                }
                ByteBuffer property = properties.get(index - 1);
                switch (propertyTypes.get(index - 1)) {
                    case "ispe" -> sizes.put(id, new long[] {u32(property, 4), u32(property, 8)});
                    case "auxC" -> auxiliaryTypes.put(id, cString(property, 4));
                    case "colr" -> {
                        String colourType = fourCc(property, 0);
                        if ("prof".equals(colourType) || "rICC".equals(colourType)) {
                            byte[] icc = new byte[property.limit() - 4];
                            property.get(4, icc);
                            iccProfiles.put(id, icc);
                        }
                    }
                    default -> {}
                }
            }
        }
    }

    /** The next box in {@code b} (its header included) as a slice, advancing past it; null at the end. */
    private static ByteBuffer next(ByteBuffer b) {
        if (b.remaining() < 8) {
            return null;
        }
        long size = b.getInt(b.position()) & 0xFFFFFFFFL;
        if (size == 0) {
            size = b.remaining();
        }
        if (size < 8 || size > b.remaining()) {
            throw new IllegalArgumentException("box size");
        }
        ByteBuffer box = b.slice(b.position(), (int) size);
        b.position(b.position() + (int) size);
        return box;
    }

    private static String typeOf(ByteBuffer box) {
        return fourCc(box, 4);
    }

    /** A box's content after its 8-byte header. */
    private static ByteBuffer body(ByteBuffer box) {
        return box.slice(8, box.limit() - 8);
    }

    private static int version(ByteBuffer box) {
        return box.get(8) & 0xFF;
    }

    private static int u16(ByteBuffer b) {
        return b.getShort() & 0xFFFF;
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    private static long u32(ByteBuffer b) {
        return b.getInt() & 0xFFFFFFFFL;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFFFFFFL;
    }

    private static long sized(ByteBuffer b, int bytes) {
        return switch (bytes) {
            case 0 -> 0;
            case 4 -> u32(b);
            case 8 -> b.getLong();
            default -> throw new IllegalArgumentException("field size " + bytes);
        };
    }

    private static String cString(ByteBuffer b, int at) {
        int end = at;
        while (end < b.limit() && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String fourCc(ByteBuffer b, int at) {
        byte[] bytes = new byte[4];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
