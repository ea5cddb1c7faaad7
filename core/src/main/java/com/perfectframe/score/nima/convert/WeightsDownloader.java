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
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the weights file with progress, into a temporary file in the target's folder that is moved into place
 * only once complete, so a broken download never looks like weights. Offline, it fails with one message that
 * says where to put the file by hand.
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
                long copied = copy(in, tmp, total);
                if (total >= 0 && copied != total) {
                    throw new IOException("got " + copied + " of " + total + " bytes");
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

    private static long copy(InputStream in, Path tmp, long total) throws IOException {
        long copied = 0;
        long nextReport = PROGRESS_STEP;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(tmp)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
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
