package com.perfectframe.web;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.perfectframe.image.DecodedImage;
import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.image.ImageReader;
import com.perfectframe.image.MemoryGate;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Small JPEG thumbnails of gallery pictures, made once and cached, so a gallery of hundreds of full-size frames loads
 * quickly on a laptop or a phone.
 *
 * <p>The cache is a folder of its own ({@code perfectframe.thumbnail-cache}, default {@code
 * java.io.tmpdir/perfectframe-thumbnails}), not the output folder: the page writes nothing where the jobs write, and
 * the output folder's names stay the pictures'. A thumbnail's name is a hash of the picture's real path, size and
 * modification time, so a changed picture gets a new one, and the cache can be deleted at any time.
 */
@Component
class Thumbnails {

    /** Longest side of a thumbnail, in pixels. */
    static final int SIDE = 320;

    private static final int QUALITY = 80;

    private final Path cache;

    Thumbnails(@Value("${perfectframe.thumbnail-cache:}") String cache) {
        this.cache = cache.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "perfectframe-thumbnails")
                : Path.of(cache);
    }

    Path cacheFolder() {
        return cache;
    }

    /**
     * The thumbnail of a picture, made now if the cache has none.
     *
     * @throws IOException when the picture cannot be decoded or the cache cannot be written
     */
    Path of(Path picture) throws IOException {
        Path thumbnail = cache.resolve(key(picture) + ".jpg");
        if (Files.isRegularFile(thumbnail)) {
            return thumbnail;
        }
        Files.createDirectories(cache);
        Path temporary = Files.createTempFile(cache, ".making-", ".jpg");
        try {
            write(picture, temporary);
            try {
                Files.move(temporary, thumbnail, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, thumbnail, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return thumbnail;
    }

    private static void write(Path picture, Path target) throws IOException {
        DecodedImage decoded;
        try {
            // A JPEG is decoded at a reduced scale that still keeps both sides at least SIDE / 2 pixels.
            decoded = ImageReader.read(picture, SIDE / 2, MemoryGate.UNBOUNDED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + picture.getFileName(), e);
        }
        try (decoded;
                Mat small = new Mat()) {
            Mat bgr = decoded.bgr();
            double factor = Math.min(1.0, (double) SIDE / Math.max(bgr.cols(), bgr.rows()));
            int width = Math.max(1, (int) Math.round(bgr.cols() * factor));
            int height = Math.max(1, (int) Math.round(bgr.rows() * factor));
            try (Size size = new Size(width, height)) {
                resize(bgr, small, size, 0, 0, INTER_AREA);
            }
            try (EncodedImage jpeg = new ImageEncoder(ImageEncoder.ImageFormat.JPG, QUALITY).encodeNative(small);
                    FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
                jpeg.writeTo(out);
            }
        }
    }

    private static String key(Path picture) throws IOException {
        String identity = picture.toRealPath() + "\n" + Files.size(picture) + "\n"
                + Files.getLastModifiedTime(picture).toMillis() + "\n" + SIDE;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
