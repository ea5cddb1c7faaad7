package com.perfectframe.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A real, decodable PNG of a huge size in a few hundred kilobytes: one-bit grey, every pixel black, so it deflates to
 * almost nothing while a decoder would expand it to width × height × 3 bytes.
 */
final class PngBomb {

    private PngBomb() {}

    static Path write(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 1) // bit depth
                        .put((byte) 0) // grey
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate =
                new DeflaterOutputStream(data, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] row = new byte[1 + (width + 7) / 8]; // filter type 0, then zeros
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        chunk(png, "IDAT", data.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return Files.write(file, png.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] payload) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.write(name);
        out.write(payload);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(payload);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
