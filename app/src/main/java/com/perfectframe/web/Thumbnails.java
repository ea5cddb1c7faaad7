package com.perfectframe.web;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.image.DecodedImage;
import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.image.ImageReader;
import com.perfectframe.image.MemoryGate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Small JPEG thumbnails of gallery pictures, made once and cached, so a gallery of hundreds of full-size frames loads
 * quickly on a laptop or a phone.
 *
 * <p>A picture is decoded under the same rules as a job's: its header is checked against {@code max_megapixels}
 * before anything is decoded (a small PNG declaring 20000×20000 is refused at once), a JPEG is decoded at a reduced
 * scale, and all thumbnails being made at once hold at most {@value #BUDGET_MB} MB of decoded pixels (a larger
 * picture waits to be made alone).
 *
 * <p>The cache ({@link ThumbnailCache}) is a folder only this process's user can use ({@code
 * perfectframe.thumbnail-cache}, default {@code java.io.tmpdir/perfectframe-thumbnails-USER}), not the output folder:
 * the page writes nothing where the jobs write. A thumbnail's name is a hash of the picture's real path, size and
 * modification time, so a changed picture gets a new one, and the cache can be deleted at any time.
 */
@Component
class Thumbnails implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    /** Longest side of a thumbnail, in pixels. */
    static final int SIDE = 320;

    /** Decoded pictures held at once by thumbnails being made. */
    static final int BUDGET_MB = 256;

    private static final int QUALITY = 80;

    private final ThumbnailCache cache;
    private final long maxPixels;
    private final Semaphore budget = new Semaphore(BUDGET_MB, true);

    Thumbnails(PerfectFrameProperties properties, @Value("${perfectframe.thumbnail-cache:}") String cache)
            throws IOException {
        this.cache = ThumbnailCache.open(cache.isBlank() ? defaultFolder() : Path.of(cache));
        this.maxPixels = properties.pipelineSettings().maxMegapixels() * 1_000_000L;
    }

    /** {@code java.io.tmpdir/perfectframe-thumbnails-USER}: one per user, so users do not meet in one folder. */
    static Path defaultFolder() {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "perfectframe-thumbnails-" + user);
    }

    /**
     * The thumbnail of a picture (JPEG bytes), made now if the cache has none.
     *
     * @throws IOException when the picture cannot be decoded (too large for {@code max_megapixels} included)
     */
    byte[] of(Path picture) throws IOException {
        String name = key(picture) + ".jpg";
        byte[] cached = cache.read(name);
        if (cached != null) {
            return cached;
        }
        byte[] made = make(picture);
        try {
            cache.write(name, made);
        } catch (IOException e) {
            log.debug("Thumbnail of {} not cached: {}", picture, e.getMessage());
        }
        return made;
    }

    private byte[] make(Path picture) throws IOException {
        DecodedImage decoded;
        try {
            // A JPEG is decoded at a reduced scale that still keeps both sides at least SIDE / 2 pixels.
            decoded = ImageReader.read(picture, SIDE / 2, this::reserve, maxPixels);
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
            try (EncodedImage jpeg = new ImageEncoder(ImageEncoder.ImageFormat.JPG, QUALITY).encodeNative(small)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) jpeg.size());
                jpeg.writeTo(Channels.newChannel(bytes));
                return bytes.toByteArray();
            }
        }
    }

    /** A share of the budget for one picture: its size in whole MB, at most the whole budget. */
    private MemoryGate.Reservation reserve(long bytes) throws InterruptedException {
        int megabytes = (int) Math.max(1, Math.min(BUDGET_MB, (bytes + (1 << 20) - 1) >> 20));
        budget.acquire(megabytes);
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                budget.release(megabytes);
            }
        };
    }

    static String key(Path picture) throws IOException {
        String identity = picture.toRealPath() + "\n" + Files.size(picture) + "\n"
                + Files.getLastModifiedTime(picture).toMillis() + "\n" + SIDE;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        cache.close();
    }
}
