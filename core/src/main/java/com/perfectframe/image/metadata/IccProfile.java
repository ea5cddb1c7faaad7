package com.perfectframe.image.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The colour profile (ICC) a photo file is tagged with, so that a re-encoded copy keeps it ({@link PhotoMetadata}
 * carries it, {@link MetadataEmbedding} writes it): OpenCV decodes the stored values without colour management and
 * encodes them without a profile, so a wide-gamut picture (Display P3, Adobe RGB, ProPhoto) would otherwise come out
 * with its values read as sRGB, its colours changed in every colour-managed viewer. The same values tagged with the
 * same profile show the same colours.
 *
 * <p>The one reader of a JPEG's {@code APP2 ICC_PROFILE} segments, a PNG's {@code iCCP} chunk and a WebP's {@code
 * ICCP} chunk (within the file's first {@value #HEAD_BYTES} bytes, where they are; a HEIF's {@code colr} box is the
 * {@code image} package's {@code HeifColourProfile}). Only RGB profiles are kept: the picture is re-encoded as RGB,
 * and a grey or CMYK profile would not describe it. A profile is at most {@value #MAX_PROFILE} bytes, inflated or
 * not.
 */
public final class IccProfile {

    /** Where metadata lies: the start of the file. */
    static final int HEAD_BYTES = 16 << 20;

    /** Larger than any real profile (a few KB to a few hundred): a bigger one is not read. */
    static final int MAX_PROFILE = 4 << 20;

    private static final byte[] JPEG_ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private IccProfile() {}

    /**
     * The profile of a JPEG, PNG or WebP file; empty when it has none, one that is not RGB, a damaged one, or the
     * file is of another format.
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<byte[]> read(Path picture) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(picture)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        byte[] profile = isJpeg(head) ? fromJpeg(head) : isPng(head) ? fromPng(head) : fromWebp(head);
        return profile != null && isRgb(profile) ? Optional.of(profile) : Optional.empty();
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

    /** The ICCP chunk of an extended (VP8X) WebP (null for another format, as {@link WebpChunks#find} says). */
    static byte[] fromWebp(byte[] b) {
        byte[] profile = WebpChunks.find(ByteBuffer.wrap(b), "ICCP");
        return profile != null && profile.length <= MAX_PROFILE ? profile : null;
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
}
