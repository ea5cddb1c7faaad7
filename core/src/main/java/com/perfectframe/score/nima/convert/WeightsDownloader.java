package com.perfectframe.score.nima.convert;

import com.perfectframe.score.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the weights file with progress, into a temporary file in the target's folder that is moved into place
 * only once complete, so a broken download never looks like weights, nor does one whose SHA-256 differs from the
 * one the server publishes (when it publishes one). Offline, it fails with one message that says where to put the
 * file by hand.
 */
public final class WeightsDownloader {

    private static final Logger log = LoggerFactory.getLogger(WeightsDownloader.class);
    private static final long PROGRESS_STEP = 10L << 20;

    private WeightsDownloader() {}

    /**
     * Downloads {@code url} to {@code target}.
     *
     * @throws com.perfectframe.score.ModelException saying where to put the file by hand when the download fails
     */
    public static Path download(URI url, Path target) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15))
                .build();
        Path tmp = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".weights", ".part");
            log.info("Downloading NIMA weights from {} to {}", url, target);
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofMinutes(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                long total =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                MessageDigest digest = sha256();
                long copied = copy(in, tmp, total, digest);
                if (total >= 0 && copied != total) {
                    throw new IOException("got " + copied + " of " + total + " bytes");
                }
                String published = publishedSha256(response);
                String got = HexFormat.of().formatHex(digest.digest());
                if (published == null) {
                    log.info("The server publishes no SHA-256 for {}; {} is recorded at first use", url, got);
                } else if (!published.equals(got)) {
                    throw new IOException("the download's SHA-256 is " + got + ", the server publishes " + published);
                } else {
                    log.info("Verified the download against the server's SHA-256 {}", published);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            log.info("Downloaded {} ({} MB)", target, Files.size(target) >> 20);
            return target;
        } catch (IOException | IllegalArgumentException e) {
            throw offline(url, target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw offline(url, target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.debug("Could not delete {}", tmp, e);
                }
            }
        }
    }

    /**
     * The SHA-256 the server publishes for the file, or null: Hugging Face gives it for large (LFS) files as the
     * {@code X-Linked-Etag} of its redirect and as the {@code ETag} of the file, 64 hex digits; an ETag of another
     * shape (an MD5, a version) is not a SHA-256 and is ignored. Every response of the redirect chain is looked at.
     */
    static String publishedSha256(HttpResponse<?> response) {
        for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
            for (String header : new String[] {"X-Linked-Etag", "ETag"}) {
                for (String value : r.headers().allValues(header)) {
                    String tag = value.strip();
                    if (tag.startsWith("W/")) {
                        tag = tag.substring(2);
                    }
                    tag = tag.replace("\"", "").toLowerCase(Locale.ROOT);
                    if (SHA256.matcher(tag).matches()) {
                        return tag;
                    }
                }
            }
        }
        return null;
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long copy(InputStream in, Path tmp, long total, MessageDigest digest) throws IOException {
        long copied = 0;
        long nextReport = PROGRESS_STEP;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(tmp)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                copied += n;
                if (copied >= nextReport) {
                    nextReport += PROGRESS_STEP;
                    log.info(total > 0 ? "Downloaded {} MB of {} MB" : "Downloaded {} MB", copied >> 20, total >> 20);
                }
            }
        }
        return copied;
    }

    /** Words for why a download failed, without Java exception names. */
    static String reason(Exception cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused or no network";
        }
        if (cause instanceof java.net.UnknownHostException
                || cause instanceof java.nio.channels.UnresolvedAddressException) {
            return "host not found: no network?";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        return cause.getMessage() != null ? cause.getMessage() : "connection failed";
    }

    private static ModelException offline(URI url, Path target, Exception cause) {
        String reason = reason(cause);
        return new ModelException(
                "Could not download the NIMA weights from " + url + " (" + reason
                        + "); download that file by hand and put it at " + target.toAbsolutePath()
                        + ", or pass --weights FILE.",
                cause);
    }
}
