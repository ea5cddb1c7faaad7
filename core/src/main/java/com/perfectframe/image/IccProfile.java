package com.perfectframe.image;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.bytedeco.javacpp.BytePointer;

/**
 * The colour profile (ICC) a picture file is tagged with, kept when the picture is re-encoded: OpenCV decodes the
 * stored values without colour management and encodes them without a profile, so a wide-gamut picture (Display P3,
 * Adobe RGB, ProPhoto) would otherwise come out with its values read as sRGB, its colours changed in every
 * colour-managed viewer. The same values tagged with the same profile show the same colours.
 *
 * <p>Read from a JPEG's {@code APP2 ICC_PROFILE} segments, a PNG's {@code iCCP} chunk or a WebP's {@code ICCP} chunk
 * (within the file's first {@value #HEAD_BYTES} bytes, where they are); written into the JPEG, PNG or WebP the same
 * way. Only RGB profiles are kept: the picture is re-encoded as RGB, and a grey or CMYK profile would not describe it.
 */
public final class IccProfile {

    /** Where metadata lies: the start of the file. */
    static final int HEAD_BYTES = 16 << 20;

    /** Larger than any real profile (a few KB to a few hundred): a bigger one is not read. */
    static final int MAX_PROFILE = 4 << 20;

    private static final byte[] JPEG_ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final int JPEG_CHUNK = 65_519; // a segment's 65,535 bytes less its length, name and numbers
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final byte[] data;

    private IccProfile(byte[] data) {
        this.data = data;
    }

    /** The profile's bytes. */
    public byte[] bytes() {
        return data.clone();
    }

    /**
     * Re-encoded pixels tagged with the source's RGB profile, if it has one; else {@code encoded} as it is. The
     * encoded picture given is closed when a tagged copy is returned.
     */
    public static EncodedImage keep(Path source, EncodedImage encoded, ImageFormat format) throws IOException {
        byte[] tagged;
        try {
            IccProfile profile = of(source);
            if (profile == null) {
                return encoded;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) encoded.size());
            encoded.writeTo(Channels.newChannel(bytes));
            tagged = profile.embed(bytes.toByteArray(), format);
        } catch (IOException | RuntimeException e) {
            encoded.close();
            throw e;
        }
        encoded.close();
        BytePointer pointer = new BytePointer(tagged.length);
        pointer.put(tagged, 0, tagged.length).limit(tagged.length);
        return new EncodedImage(pointer);
    }

    /** The RGB profile a JPEG, PNG or WebP file is tagged with, or null (none, another colour space, damaged). */
    public static IccProfile of(Path picture) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(picture)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        byte[] profile =
                isJpeg(head) ? fromJpeg(head) : isPng(head) ? fromPng(head) : isWebp(head) ? fromWebp(head) : null;
        return profile != null && isRgb(profile) ? new IccProfile(profile) : null;
    }

    /** An ICC profile's header names its colour space at bytes 16 to 19. */
    private static boolean isRgb(byte[] profile) {
        return profile.length >= 128 && new String(profile, 16, 4, StandardCharsets.US_ASCII).equals("RGB ");
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && Arrays.equals(b, 0, 8, PNG_SIGNATURE, 0, 8);
    }

    private static boolean isWebp(byte[] b) {
        return b.length > 12
                && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
    }

    /** The APP2 ICC_PROFILE segments before the image data, joined in their sequence order. */
    static byte[] fromJpeg(byte[] b) {
        TreeMap<Integer, byte[]> chunks = new TreeMap<>();
        int at = 2;
        while (at + 4 <= b.length && (b[at] & 0xff) == 0xFF) {
            int marker = b[at + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan, end of image: no metadata after
            }
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            if (length < 2 || at + 2 + length > b.length) {
                break;
            }
            int payload = at + 4;
            if (marker == 0xE2
                    && length >= 2 + JPEG_ICC.length + 2
                    && Arrays.equals(b, payload, payload + JPEG_ICC.length, JPEG_ICC, 0, JPEG_ICC.length)) {
                int sequence = b[payload + JPEG_ICC.length] & 0xff;
                int start = payload + JPEG_ICC.length + 2;
                chunks.put(sequence, Arrays.copyOfRange(b, start, at + 2 + length));
            }
            at += 2 + length;
        }
        if (chunks.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.values().forEach(joined::writeBytes);
        return joined.size() <= MAX_PROFILE ? joined.toByteArray() : null;
    }

    /** The iCCP chunk (a name, a NUL, the compression method, the zlib-compressed profile) before the image data. */
    static byte[] fromPng(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int at = 8;
        while (at + 8 <= b.length) {
            int length = in.getInt(at);
            String type = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
            if (length < 0 || type.equals("IDAT") || at + 8L + length > b.length) {
                return null;
            }
            if (type.equals("iCCP")) {
                int data = at + 8;
                int nul = data;
                while (nul < data + length && b[nul] != 0) {
                    nul++;
                }
                if (nul + 2 > data + length || b[nul + 1] != 0) {
                    return null; // no name end, or a compression method PNG does not define
                }
                return inflate(b, nul + 2, data + length - (nul + 2));
            }
            at += 12 + length;
        }
        return null;
    }

    /** The ICCP chunk of an extended (VP8X) WebP. */
    static byte[] fromWebp(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= b.length) {
            String type = new String(b, at, 4, StandardCharsets.US_ASCII);
            int length = in.getInt(at + 4);
            if (length < 0 || at + 8L + length > b.length) {
                return null;
            }
            if (type.equals("ICCP")) {
                return length <= MAX_PROFILE ? Arrays.copyOfRange(b, at + 8, at + 8 + length) : null;
            }
            at += 8 + length + (length & 1);
        }
        return null;
    }

    private static byte[] inflate(byte[] b, int offset, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    /** The encoded picture (as OpenCV wrote it: no profile) with this profile added. */
    byte[] embed(byte[] encoded, ImageFormat format) {
        return switch (format) {
            case JPG -> intoJpeg(encoded);
            case PNG -> intoPng(encoded);
            case WEBP -> intoWebp(encoded);
        };
    }

    /** APP2 segments right after SOI (and the JFIF APP0, when there is one). */
    private byte[] intoJpeg(byte[] jpeg) {
        int at = 2;
        if ((jpeg[2] & 0xff) == 0xFF && (jpeg[3] & 0xff) == 0xE0) {
            at += 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        int count = (data.length + JPEG_CHUNK - 1) / JPEG_CHUNK;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + data.length + count * 18);
        out.write(jpeg, 0, at);
        for (int i = 0; i < count; i++) {
            int start = i * JPEG_CHUNK;
            int length = Math.min(JPEG_CHUNK, data.length - start);
            int segment = 2 + JPEG_ICC.length + 2 + length;
            out.write(0xFF);
            out.write(0xE2);
            out.write(segment >> 8);
            out.write(segment & 0xff);
            out.writeBytes(JPEG_ICC);
            out.write(i + 1);
            out.write(count);
            out.write(data, start, length);
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** An iCCP chunk right after IHDR (it must come before PLTE and IDAT). */
    private byte[] intoPng(byte[] png) {
        int afterHeader = 8 + 12 + ByteBuffer.wrap(png, 8, 4).getInt();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes("iCCP".getBytes(StandardCharsets.US_ASCII));
        chunk.writeBytes("ICC profile".getBytes(StandardCharsets.US_ASCII));
        chunk.write(0); // end of the name
        chunk.write(0); // zlib
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                chunk.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        byte[] body = chunk.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + body.length + 8);
        out.write(png, 0, afterHeader);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length - 4).array());
        out.writeBytes(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /**
     * The extended format: a VP8X chunk saying a profile follows, the ICCP chunk, then the picture's own chunk. The
     * canvas size is the picture's, read from its VP8 or VP8L header.
     */
    private byte[] intoWebp(byte[] webp) {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        String first = new String(webp, 12, 4, StandardCharsets.US_ASCII);
        int width;
        int height;
        byte flags = 0x20; // ICC profile
        if (first.equals("VP8 ")) {
            width = in.getShort(20 + 6) & 0x3fff;
            height = in.getShort(20 + 8) & 0x3fff;
        } else if (first.equals("VP8L")) {
            int bits = in.getInt(20 + 1);
            width = (bits & 0x3fff) + 1;
            height = ((bits >>> 14) & 0x3fff) + 1;
            if (((bits >>> 28) & 1) == 1) {
                flags |= 0x10; // alpha
            }
        } else {
            return webp; // already extended, or unknown: left as encoded
        }
        ByteBuffer header = ByteBuffer.allocate(8 + 10 + 8 + data.length + (data.length & 1))
                .order(ByteOrder.LITTLE_ENDIAN);
        header.put("VP8X".getBytes(StandardCharsets.US_ASCII))
                .putInt(10)
                .put(flags)
                .put(new byte[3]);
        putInt24(header, width - 1);
        putInt24(header, height - 1);
        header.put("ICCP".getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length)
                .put(data);
        if ((data.length & 1) == 1) {
            header.put((byte) 0);
        }
        byte[] added = header.array();
        ByteBuffer out = ByteBuffer.allocate(webp.length + added.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(webp, 0, 4).putInt(webp.length + added.length - 8).put(webp, 8, 4);
        out.put(added).put(webp, 12, webp.length - 12);
        return out.array();
    }

    private static void putInt24(ByteBuffer buffer, int value) {
        buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
}
