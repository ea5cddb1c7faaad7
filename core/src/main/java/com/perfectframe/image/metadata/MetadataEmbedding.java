package com.perfectframe.image.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Places metadata blocks into a freshly encoded picture, by its container (told by its first bytes), without copying
 * the picture: the result is a {@link Splice}. The one place that knows where each format keeps them:
 *
 * <ul>
 *   <li>JPEG: after SOI and the JFIF APP0 segment when there is one (libjpeg writes it; JFIF requires it first, and
 *       Java's ImageIO refuses a file where it is not: "JFIF APP0 must be first marker after SOI"), an APP1 {@code
 *       Exif} segment, an APP1 XMP segment, and the ICC profile in as many APP2 {@code ICC_PROFILE} segments as it
 *       needs. A segment holds at most 64 KB: a larger EXIF block or XMP packet is left out (extended XMP is not
 *       written).
 *   <li>PNG: after IHDR, an {@code eXIf} chunk, an {@code iCCP} chunk (the profile, deflated), and an {@code iTXt}
 *       chunk {@code XML:com.adobe.xmp}; all before the image data, where readers look. A PNG that already declares
 *       its colour space ({@code iCCP}/{@code sRGB}) keeps its own.
 *   <li>WebP: the simple format becomes the extended one (a {@code VP8X} chunk with the canvas size and flags), with
 *       {@code ICCP} before the image and {@code EXIF} and {@code XMP } after it.
 * </ul>
 * An unknown container gets nothing.
 */
public final class MetadataEmbedding {

    /** Longest payload of a JPEG marker segment (its length field counts itself). */
    private static final int JPEG_SEGMENT = 0xFFFF - 2;

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ICC_HEADER = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ICC_CHUNK = JPEG_SEGMENT - ICC_HEADER.length - 2;

    private MetadataEmbedding() {}

    /**
     * Where the blocks go in this encoded picture.
     *
     * @param picture the encoded bytes (position 0 to limit), read only
     * @param width the picture's width in pixels (a WebP's canvas)
     * @param height its height
     */
    public static Splice splice(ByteBuffer picture, int width, int height, PictureMetadata metadata) {
        ByteBuffer b = picture.duplicate().order(ByteOrder.BIG_ENDIAN);
        b.position(0);
        long size = b.limit();
        if (metadata == null || metadata.isEmpty()) {
            return Splice.whole(size);
        }
        if (size >= 4 && (b.get(0) & 0xFF) == 0xFF && (b.get(1) & 0xFF) == 0xD8) {
            return jpeg(b, metadata);
        }
        if (PngChunks.isPng(b)) {
            return png(b, metadata);
        }
        if (WebpChunks.isWebp(b)) {
            return webp(b, width, height, metadata);
        }
        return Splice.whole(size);
    }

    private static Splice jpeg(ByteBuffer b, PictureMetadata metadata) {
        int at = afterJfif(b);
        ByteArrayOutputStream added = new ByteArrayOutputStream();
        if (metadata.exif() != null && EXIF_HEADER.length + metadata.exif().length <= JPEG_SEGMENT) {
            segment(added, 0xE1, EXIF_HEADER, metadata.exif(), 0, metadata.exif().length);
        }
        byte[] xmp = metadata.xmpBytes();
        if (xmp != null && XMP_HEADER.length + xmp.length <= JPEG_SEGMENT) {
            segment(added, 0xE1, XMP_HEADER, xmp, 0, xmp.length);
        }
        byte[] icc = metadata.icc();
        if (icc != null && icc.length > 0) {
            int count = (icc.length + ICC_CHUNK - 1) / ICC_CHUNK;
            if (count <= 255) {
                for (int i = 0; i < count; i++) {
                    int from = i * ICC_CHUNK;
                    byte[] header = new byte[ICC_HEADER.length + 2];
                    System.arraycopy(ICC_HEADER, 0, header, 0, ICC_HEADER.length);
                    header[ICC_HEADER.length] = (byte) (i + 1);
                    header[ICC_HEADER.length + 1] = (byte) count;
                    segment(added, 0xE2, header, icc, from, Math.min(icc.length, from + ICC_CHUNK) - from);
                }
            }
        }
        return insertAt(b.limit(), at, added.toByteArray());
    }

    /**
     * Where the segments go in a JPEG: after SOI, and after the JFIF APP0 segment that follows it when there is one
     * (as libjpeg writes it), which JFIF requires to be first.
     */
    static int afterJfif(ByteBuffer b) {
        if (b.limit() < 6 || (b.get(2) & 0xFF) != 0xFF || (b.get(3) & 0xFF) != 0xE0) {
            return 2;
        }
        int end = 4 + ((b.get(4) & 0xFF) << 8 | (b.get(5) & 0xFF));
        return end <= b.limit() ? end : 2;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] header, byte[] data, int from, int n) {
        int length = 2 + header.length + n;
        out.write(0xFF);
        out.write(marker);
        out.write(length >>> 8);
        out.write(length & 0xFF);
        out.writeBytes(header);
        out.write(data, from, n);
    }

    private static Splice png(ByteBuffer b, PictureMetadata metadata) {
        ByteArrayOutputStream added = new ByteArrayOutputStream();
        if (metadata.exif() != null) {
            PngChunks.write(added, "eXIf", metadata.exif());
        }
        if (metadata.icc() != null && !PngChunks.declaresColourSpace(b)) {
            ByteArrayOutputStream iccp = new ByteArrayOutputStream();
            iccp.writeBytes("ICC profile".getBytes(StandardCharsets.ISO_8859_1));
            iccp.write(0); // end of the name
            iccp.write(0); // deflate
            iccp.writeBytes(deflate(metadata.icc()));
            PngChunks.write(added, "iCCP", iccp.toByteArray());
        }
        byte[] xmp = metadata.xmpBytes();
        if (xmp != null) {
            ByteArrayOutputStream itxt = new ByteArrayOutputStream();
            itxt.writeBytes("XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1));
            itxt.writeBytes(new byte[] {0, 0, 0, 0, 0}); // name end, not compressed, method, no language, no title
            itxt.writeBytes(xmp);
            PngChunks.write(added, "iTXt", itxt.toByteArray());
        }
        return insertAt(b.limit(), PngChunks.AFTER_IHDR, added.toByteArray());
    }

    private static Splice webp(ByteBuffer b, int width, int height, PictureMetadata metadata) {
        int flags = 0;
        int imageStart = WebpChunks.FIRST_CHUNK;
        int canvasWidth = width;
        int canvasHeight = height;
        String first = WebpChunks.fourCc(b, WebpChunks.FIRST_CHUNK);
        if ("VP8X".equals(first)) {
            flags = b.get(WebpChunks.FIRST_CHUNK + 8) & 0xFF;
            canvasWidth = 1 + WebpChunks.uint24(b, WebpChunks.FIRST_CHUNK + 12);
            canvasHeight = 1 + WebpChunks.uint24(b, WebpChunks.FIRST_CHUNK + 15);
            imageStart =
                    WebpChunks.FIRST_CHUNK + 8 + WebpChunks.padded(WebpChunks.chunkSize(b, WebpChunks.FIRST_CHUNK));
        } else if ("VP8L".equals(first) && WebpChunks.losslessHasAlpha(b)) {
            flags |= WebpChunks.ALPHA;
        }
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        if (metadata.icc() != null && (flags & WebpChunks.ICC) == 0) {
            flags |= WebpChunks.ICC;
            WebpChunks.write(before, "ICCP", metadata.icc());
        }
        if (metadata.exif() != null && (flags & WebpChunks.EXIF) == 0) {
            flags |= WebpChunks.EXIF;
            WebpChunks.write(after, "EXIF", metadata.exif());
        }
        byte[] xmp = metadata.xmpBytes();
        if (xmp != null && (flags & WebpChunks.XMP) == 0) {
            flags |= WebpChunks.XMP;
            WebpChunks.write(after, "XMP ", xmp);
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        WebpChunks.write(head, "VP8X", WebpChunks.vp8x(flags, canvasWidth, canvasHeight));
        head.writeBytes(before.toByteArray());
        long imageBytes = b.limit() - imageStart;
        long riffSize = 4 + head.size() + imageBytes + after.size();
        ByteBuffer riff = ByteBuffer.allocate(WebpChunks.FIRST_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.ISO_8859_1))
                .putInt((int) riffSize)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        List<Splice.Part> parts = new ArrayList<>();
        parts.add(new Splice.Added(riff.array()));
        parts.add(new Splice.Added(head.toByteArray()));
        parts.add(new Splice.Kept(imageStart, b.limit()));
        if (after.size() > 0) {
            parts.add(new Splice.Added(after.toByteArray()));
        }
        return new Splice(parts);
    }

    private static Splice insertAt(long size, long at, byte[] added) {
        if (added.length == 0 || at > size) {
            return Splice.whole(size);
        }
        return new Splice(List.of(new Splice.Kept(0, at), new Splice.Added(added), new Splice.Kept(at, size)));
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** PNG chunks: signature, IHDR, and the chunk format (length, type, data, CRC of type and data). */
    static final class PngChunks {

        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        /** Signature (8) and IHDR (4 length + 4 type + 13 data + 4 CRC). */
        static final int AFTER_IHDR = 8 + 25;

        private PngChunks() {}

        static boolean isPng(ByteBuffer b) {
            if (b.limit() < AFTER_IHDR) {
                return false;
            }
            for (int i = 0; i < SIGNATURE.length; i++) {
                if (b.get(i) != SIGNATURE[i]) {
                    return false;
                }
            }
            return b.getInt(8) == 13 && "IHDR".equals(type(b, 12));
        }

        /** Whether a chunk before the image data already says the colour space ({@code iCCP} or {@code sRGB}). */
        static boolean declaresColourSpace(ByteBuffer b) {
            int at = 8;
            while (at + 8 <= b.limit()) {
                long length = b.getInt(at) & 0xFFFFFFFFL;
                String type = type(b, at + 4);
                if ("IDAT".equals(type)) {
                    return false;
                }
                if ("iCCP".equals(type) || "sRGB".equals(type)) {
                    return true;
                }
                at += 12 + (int) Math.min(length, b.limit());
            }
            return false;
        }

        static void write(ByteArrayOutputStream out, String type, byte[] data) {
            ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
            chunk.putInt(data.length)
                    .put(type.getBytes(StandardCharsets.ISO_8859_1))
                    .put(data);
            CRC32 crc = new CRC32();
            crc.update(chunk.array(), 4, 4 + data.length);
            chunk.putInt((int) crc.getValue());
            out.writeBytes(chunk.array());
        }

        private static String type(ByteBuffer b, int at) {
            byte[] type = new byte[4];
            b.get(at, type);
            return new String(type, StandardCharsets.ISO_8859_1);
        }
    }
}
