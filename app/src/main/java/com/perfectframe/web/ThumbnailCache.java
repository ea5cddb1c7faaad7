package com.perfectframe.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder thumbnails are kept in, which only this process's user can read or write: on a shared machine another
 * user must neither plant an entry (a link to a file only this service may read, served as a thumbnail) nor read the
 * pictures' thumbnails.
 *
 * <p>The folder is used only when it is a real folder (not a symbolic link) owned by this user; it is created, or
 * set, readable and writable by its owner only (0700) where the file system has POSIX permissions, and a folder that
 * others could write to is emptied first (its entries may have been planted). A folder that fails the check (another
 * user created it) is not used: a private folder of a random name is made instead, with a warning naming both, and
 * deleted at shutdown. Entries are read without following links, only as regular files of a thumbnail's size, and
 * written under a temporary name, then renamed into place.
 */
final class ThumbnailCache {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailCache.class);

    /** Larger than any thumbnail: an entry beyond this is not one of ours. */
    static final long MAX_ENTRY = 1 << 20;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final boolean temporary;

    private ThumbnailCache(Path folder, boolean temporary) {
        this.folder = folder;
        this.temporary = temporary;
    }

    /** The cache in {@code wanted} when it is safe to use, else in a private folder made for this process. */
    static ThumbnailCache open(Path wanted) throws IOException {
        String refusal = prepare(wanted);
        if (refusal == null) {
            return new ThumbnailCache(wanted, false);
        }
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        Path own = isPosix(parent)
                ? Files.createTempDirectory(
                        parent, "perfectframe-thumbnails-", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempDirectory(parent, "perfectframe-thumbnails-");
        log.warn(
                "Thumbnail cache {} is not used: {}. Thumbnails go to {} instead, deleted at shutdown.",
                wanted,
                refusal,
                own);
        return new ThumbnailCache(own, true);
    }

    Path folder() {
        return folder;
    }

    /** Why the folder cannot be this process's cache, or null once it is ready (created, 0700, ours). */
    static String prepare(Path wanted) throws IOException {
        if (!Files.exists(wanted, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = wanted.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                if (isPosix(parent)) {
                    Files.createDirectory(wanted, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectory(wanted);
                }
            } catch (FileAlreadyExistsException e) {
                // Created meanwhile, by someone: checked below like any existing folder.
            }
        }
        if (Files.isSymbolicLink(wanted)) {
            return "it is a symbolic link";
        }
        if (!Files.isDirectory(wanted, LinkOption.NOFOLLOW_LINKS)) {
            return "it is not a folder";
        }
        UserPrincipal owner = Files.getOwner(wanted, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal self = processUser();
        if (!owner.equals(self)) {
            return "it belongs to " + owner.getName() + ", not to " + self.getName() + " who runs this service";
        }
        PosixFileAttributeView posix =
                Files.getFileAttributeView(wanted, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (!permissions.equals(OWNER_ONLY)) {
                posix.setPermissions(OWNER_ONLY);
            }
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                emptyAfterExposure(wanted);
            }
        }
        return null;
    }

    /** The entry's bytes, or null when there is none (or something there is not a thumbnail of ours). */
    byte[] read(String name) throws IOException {
        Path entry = folder.resolve(name);
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || Files.size(entry) > MAX_ENTRY) {
            return null;
        }
        try (InputStream in = Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_ENTRY + 1);
            return bytes.length > MAX_ENTRY ? null : bytes;
        }
    }

    /** Stores an entry: written under a temporary name (0600), then renamed into place. */
    void write(String name, byte[] bytes) throws IOException {
        Path temporaryFile = isPosix(folder)
                ? Files.createTempFile(folder, ".making-", ".jpg", ownerOnlyFile())
                : Files.createTempFile(folder, ".making-", ".jpg");
        try {
            Files.write(temporaryFile, bytes);
            try {
                Files.move(temporaryFile, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporaryFile, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporaryFile);
        }
    }

    /** Deletes a folder made for this process only. */
    void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.debug("Could not delete the thumbnail folder {}: {}", folder, e.getMessage());
        }
    }

    private static void emptyAfterExposure(Path folder) throws IOException {
        log.warn("Thumbnail cache {} was open to other users: its entries are deleted, as any may be planted.", folder);
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry); // a link itself, never what it points to
                }
            }
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    private static boolean isPosix(Path path) {
        return path != null
                && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The user this process runs as: the owner of a file it has just created. */
    private static UserPrincipal processUser() throws IOException {
        Path probe = Files.createTempFile("perfectframe-owner-", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
