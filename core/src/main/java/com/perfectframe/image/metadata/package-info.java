/**
 * The metadata a written picture carries, and where it goes in each output format: EXIF (capture time, camera,
 * GPS, origin) and XMP built with Apache Commons Imaging, a photo's own EXIF/ICC/XMP carried into its re-encoded
 * copy, and the small container code that places those blocks into a JPEG (APP1/APP2 segments), a PNG ({@code
 * eXIf}, {@code iCCP}, {@code iTXt} chunks) or a WebP (VP8X with {@code EXIF}, {@code ICCP}, {@code XMP } chunks).
 * Depends only on {@code capture}.
 */
package com.perfectframe.image.metadata;
