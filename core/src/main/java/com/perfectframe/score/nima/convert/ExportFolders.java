package com.perfectframe.score.nima.convert;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary folders a SavedModel export is written into ({@code savedmodel/.export-tmp*}, 35–200 MB each) and
 * the removal of those that an interrupted conversion left behind.
 *
 * <p>A conversion holds an operating-system lock on {@value #OWNER_FILE} inside its folder for as long as it
 * writes there; the system releases it when the process ends in any way. So a folder whose lock can be taken has
 * no live writer and is removed; one whose lock is held (another process or thread converting now) is left alone.
 * A folder without that file (left by a version before the lock, or by a process killed in the instant between
 * creating the folder and its lock file) is removed only once it is older than {@link #UNLOCKED_AGE}.
 */
final class ExportFolders {

    private static final Logger log = LoggerFactory.getLogger(ExportFolders.class);

    static final String PREFIX = ".export-tmp";
    static final String OWNER_FILE = "owner.lock";
    /** Age after which a folder without an owner file is taken for a leftover. */
    static final Duration UNLOCKED_AGE = Duration.ofMinutes(10);

    private ExportFolders() {}

    /** A temporary export folder held by this conversion; closing it releases and deletes it. */
    static final class Claimed implements AutoCloseable {
        private final Path folder;
        private final FileChannel channel;

        private Claimed(Path folder, FileChannel channel) {
            this.folder = folder;
            this.channel = channel;
        }

        Path folder() {
            return folder;
        }

        @Override
        public void close() {
            Folders.deleteRecursively(folder);
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                // Released with the process anyway.
            }
        }
    }

    /** Creates a temporary export folder under {@code parent} and locks it for this conversion. */
    static Claimed claim(Path parent) throws IOException {
        Path folder = Files.createTempDirectory(parent, PREFIX);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    folder.resolve(OWNER_FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw new IOException("cannot lock " + folder.resolve(OWNER_FILE));
            }
            return new Claimed(folder, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Folders.deleteRecursively(folder);
            throw e;
        }
    }

    /**
     * Removes the export folders under {@code parent} that no live conversion writes to.
     *
     * @return how many were removed
     */
    static int removeStale(Path parent) {
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && removeIfStale(folder)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.debug("Could not list {}", parent, e);
        }
        return removed;
    }

    private static boolean removeIfStale(Path folder) throws IOException {
        Path owner = folder.resolve(OWNER_FILE);
        if (!Files.exists(owner, LinkOption.NOFOLLOW_LINKS)) {
            FileTime modified = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS);
            if (modified.toInstant().isAfter(Instant.now().minus(UNLOCKED_AGE))) {
                return false; // perhaps a conversion that is creating its lock file right now
            }
            log.info("Removing {}, left by an interrupted model conversion", folder);
            Folders.deleteRecursively(folder);
            return true;
        }
        try (FileChannel channel = FileChannel.open(owner, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return false; // a conversion in this process
            }
            if (lock == null) {
                return false; // a conversion in another process
            }
            log.info("Removing {}, left by an interrupted model conversion", folder);
            Folders.deleteRecursively(folder);
            return true;
        }
    }
}
