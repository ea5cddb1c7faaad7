package com.perfectframe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thumbnail cache on a shared machine, on real folders: only a folder of this process's user, closed to others,
 * is used; no entry is read through a link; entries are written whole.
 */
class ThumbnailCacheTests {

    @TempDir
    Path base;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFolderIsCreatedForItsOwnerOnly() throws Exception {
        Path wanted = base.resolve("deep/cache");
        ThumbnailCache cache = ThumbnailCache.open(wanted);
        assertThat(cache.folder()).isEqualTo(wanted);
        assertThat(permissions(wanted)).isEqualTo("rwx------");
    }

    @Test
    void aFolderOthersCouldWriteIsClosedAndEmptiedOfWhatMayBePlanted() throws Exception {
        Path secret = Files.writeString(base.resolve("secret.txt"), "root only");
        Path wanted = Files.createDirectory(base.resolve("cache"));
        Files.setPosixFilePermissions(wanted, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createSymbolicLink(wanted.resolve("0123456789abcdef0123456789abcdef.jpg"), secret);
        Files.writeString(wanted.resolve("fedcba9876543210fedcba9876543210.jpg"), "planted");
        ThumbnailCache cache = ThumbnailCache.open(wanted);
        assertThat(cache.folder()).isEqualTo(wanted);
        assertThat(permissions(wanted)).isEqualTo("rwx------");
        assertThat(names(wanted)).isEmpty();
        assertThat(Files.readString(secret)).isEqualTo("root only");
    }

    @Test
    void aFolderOnlyReadableByOthersKeepsItsEntries() throws Exception {
        Path wanted = Files.createDirectory(base.resolve("cache"));
        Files.writeString(wanted.resolve("a.jpg"), "ours");
        Files.setPosixFilePermissions(wanted, PosixFilePermissions.fromString("rwxr-xr-x"));
        ThumbnailCache.open(wanted);
        assertThat(permissions(wanted)).isEqualTo("rwx------");
        assertThat(names(wanted)).containsExactly("a.jpg");
    }

    @Test
    void aLinkInPlaceOfTheFolderIsNotUsed() throws Exception {
        Path elsewhere = Files.createDirectory(base.resolve("elsewhere"));
        Path wanted = Files.createSymbolicLink(base.resolve("cache"), elsewhere);
        ThumbnailCache cache = ThumbnailCache.open(wanted);
        try {
            assertThat(cache.folder()).isNotEqualTo(wanted);
            assertThat(cache.folder().startsWith(elsewhere)).isFalse();
            assertThat(permissions(cache.folder())).isEqualTo("rwx------");
            cache.write("a.jpg", new byte[] {1, 2, 3});
            assertThat(names(elsewhere)).isEmpty();
        } finally {
            cache.close();
        }
        assertThat(Files.exists(cache.folder()))
                .as("the private folder is deleted at shutdown")
                .isFalse();
    }

    @Test
    void aFolderOfAnotherUserIsNotUsed() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "only root can make a folder that belongs to another user");
        Path wanted = Files.createDirectory(base.resolve("cache"));
        Files.setAttribute(wanted, "unix:uid", 4242);
        Files.setPosixFilePermissions(wanted, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path secret = Files.writeString(base.resolve("secret.txt"), "root only");
        Path planted = Files.createSymbolicLink(wanted.resolve("0123456789abcdef0123456789abcdef.jpg"), secret);
        ThumbnailCache cache = ThumbnailCache.open(wanted);
        try {
            assertThat(cache.folder()).isNotEqualTo(wanted);
            assertThat(cache.read("0123456789abcdef0123456789abcdef.jpg")).isNull();
            assertThat(Files.isSymbolicLink(planted))
                    .as("another user's folder is left alone")
                    .isTrue();
            assertThat(permissions(wanted)).isEqualTo("rwxrwxrwx");
        } finally {
            cache.close();
        }
    }

    @Test
    void entriesAreNeverReadThroughALinkNorWhenTheyAreNotPlainSmallFiles() throws Exception {
        ThumbnailCache cache = ThumbnailCache.open(base.resolve("cache"));
        Path secret = Files.writeString(base.resolve("secret.txt"), "root only");
        Files.createSymbolicLink(cache.folder().resolve("link.jpg"), secret);
        Files.createDirectory(cache.folder().resolve("folder.jpg"));
        Files.write(cache.folder().resolve("huge.jpg"), new byte[(int) ThumbnailCache.MAX_ENTRY + 1]);
        assertThat(cache.read("link.jpg")).isNull();
        assertThat(cache.read("folder.jpg")).isNull();
        assertThat(cache.read("huge.jpg")).isNull();
        assertThat(cache.read("missing.jpg")).isNull();
    }

    @Test
    void entriesAreWrittenWholeForTheOwnerOnly() throws Exception {
        ThumbnailCache cache = ThumbnailCache.open(base.resolve("cache"));
        cache.write("a.jpg", new byte[] {1, 2, 3});
        cache.write("a.jpg", new byte[] {4, 5});
        assertThat(cache.read("a.jpg")).containsExactly(4, 5);
        assertThat(permissions(cache.folder().resolve("a.jpg"))).isEqualTo("rw-------");
        assertThat(names(cache.folder())).containsExactly("a.jpg");
    }
}
