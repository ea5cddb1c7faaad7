package com.perfectframe.image.metadata;

import java.nio.charset.StandardCharsets;

/**
 * The metadata blocks one written picture carries; each may be absent (null).
 *
 * @param exif an EXIF block as TIFF bytes ({@code II*\0…} or {@code MM\0*…}, without JPEG's {@code Exif\0\0})
 * @param xmp an XMP packet (UTF-8 XML)
 * @param icc an ICC colour profile
 */
public record PictureMetadata(byte[] exif, String xmp, byte[] icc) {

    public boolean isEmpty() {
        return exif == null && xmp == null && icc == null;
    }

    byte[] xmpBytes() {
        return xmp == null ? null : xmp.getBytes(StandardCharsets.UTF_8);
    }
}
