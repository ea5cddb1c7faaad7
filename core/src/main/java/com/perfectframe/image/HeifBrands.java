package com.perfectframe.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Recognises HEIF-family stills (HEIC from iPhones and many Android phones, AVIF) by their {@code ftyp} brands, so
 * they are reported as an unsupported format rather than as damaged files.
 *
 * <p>Neither decodes here: OpenCV is built without libheif/libavif; the bundled FFmpeg cannot assemble HEIC's grid of
 * HEVC tiles, and reads only single-item AVIF, ignoring its rotation and mirroring properties (see the README).
 */
final class HeifBrands {

    private static final Set<String> AVIF = Set.of("avif", "avis");
    private static final Set<String> HEIC = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

    private HeifBrands() {}

    /** @throws UnsupportedFormatException when the file is a HEIF or AVIF picture */
    static void refuse(ByteBuffer head) throws UnsupportedFormatException {
        if (head.limit() < 16 || !"ftyp".equals(text(head, 4))) {
            return;
        }
        int boxEnd = Math.min(head.limit(), Math.max(16, head.getInt(0)));
        boolean avif = false;
        boolean heif = false;
        for (int pos = 8; pos + 4 <= boxEnd; pos += pos == 8 ? 8 : 4) { // major brand, minor version, compatible brands
            String brand = text(head, pos);
            avif |= AVIF.contains(brand);
            heif |= HEIC.contains(brand);
        }
        if (avif) {
            throw new UnsupportedFormatException(
                    "AVIF", "convert it to JPEG or PNG first, e.g. `avifdec photo.avif photo.png`");
        }
        if (heif) {
            throw new UnsupportedFormatException(
                    "HEIC",
                    "convert it to JPEG first, e.g. `heif-convert photo.heic photo.jpg`, or export it as JPEG"
                            + " (iPhone: Settings > Camera > Formats > Most Compatible)");
        }
    }

    private static String text(ByteBuffer b, int pos) {
        byte[] bytes = new byte[4];
        b.get(pos, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
