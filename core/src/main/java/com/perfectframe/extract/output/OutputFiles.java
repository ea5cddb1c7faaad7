package com.perfectframe.extract.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes output files so that a reader never sees half a file and an existing file is never replaced.
 *
 * <p>Data goes to a hidden temporary file in the output folder first, then is linked into place under the first
 * free name ({@code name.jpg}, {@code name_1.jpg}, …). Linking fails when the name exists, so two writers cannot
 * take the same name; where the file system has no hard links, a non-replacing move is used instead.
 */
public final class OutputFiles {

    private OutputFiles() {}

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    /** Writes data under the first free variant of the file name and returns where it went. */
    public static Path writeNew(Path directory, String fileName, byte[] data) throws IOException {
        return writeNew(directory, fileName, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /**
     * Writes content under the first free variant of the file name and returns where it went. The name may lead
     * into subfolders ({@code trip/day1/x.jpg}), which are created; the temporary file stays in {@code directory},
     * where a killed run's leftovers are found.
     */
    public static Path writeNew(Path directory, String fileName, Content content) throws IOException {
        folderFor(directory, fileName);
        Path temp = directory.resolve("." + UUID.randomUUID() + ".part");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.writeTo(channel);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            return moveToFreeName(temp, directory, fileName);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Refuses to write through a symbolic link: an output file (the manifest, the lock…) that is a link could make
     * a job append to, or truncate, a file outside the output folder. Pictures need no such check: they are linked
     * into place under a free name, which never follows a link.
     *
     * @throws IOException naming the file when it is a symbolic link
     */
    static void refuseLink(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new FileSystemException(
                    file.toString(), null, "is a symbolic link; PerfectFrame never writes through one (remove it)");
        }
    }

    /**
     * Creates the folders a relative file name leads into under {@code root}, one at a time, never through a
     * symbolic link (a link there could put pictures outside the output folder); returns the file's folder.
     *
     * @throws IOException naming the link, or when a folder cannot be created, or when the name is not a relative
     *     path of plain names ({@link #isPlainRelativePath})
     */
    public static Path folderFor(Path root, String relativeFile) throws IOException {
        if (!isPlainRelativePath(relativeFile)) {
            throw new IOException("not a file under the output folder: " + relativeFile);
        }
        String[] parts = relativeFile.split("/", -1);
        Path folder = root;
        for (int i = 0; i < parts.length - 1; i++) {
            folder = folder.resolve(parts[i]);
            refuseLink(folder);
            try {
                Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileSystemException(folder.toString(), null, "is not a folder");
                }
            }
        }
        return folder;
    }

    /**
     * Whether a name names a file directly in a folder: not empty, no separator ({@code /}, nor this system's own),
     * not {@code .} or {@code ..}, no NUL.
     */
    public static boolean isPlainName(String name) {
        return name != null
                && !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && !name.contains(java.io.File.separator)
                && name.indexOf('\0') < 0;
    }

    /**
     * Whether a name names a file in a folder or in its subfolders ({@code trip/day1/x.jpg}, as pictures of a
     * recursive job are named): plain names ({@link #isPlainName}) joined by {@code /}, so never absolute, never
     * {@code ..}, {@code .} or an empty segment. Whether a folder on the way is a link is for the caller to check on
     * the file system ({@link #folderFor}).
     */
    public static boolean isPlainRelativePath(String name) {
        if (name == null) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (!isPlainName(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first folder on the way to a relative file under {@code root} that exists but is not a real folder (a
     * symbolic link, or a file), or null when there is none; folders that do not exist yet are not a problem here.
     */
    public static Path linkOnTheWay(Path root, String relativeFile) {
        String[] parts = relativeFile.split("/", -1);
        Path folder = root;
        for (int i = 0; i < parts.length - 1; i++) {
            folder = folder.resolve(parts[i]);
            if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return folder;
            }
        }
        return null;
    }

    /** Whether a failure to write a file is its name being too long for the file system (ENAMETOOLONG). */
    public static boolean nameTooLong(IOException e) {
        return e instanceof FileSystemException fs
                && fs.getReason() != null
                && fs.getReason().contains("File name too long");
    }

    private static Path moveToFreeName(Path temp, Path directory, String fileName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path target = directory.resolve(OutputNames.variant(fileName, attempt));
            try {
                try {
                    Files.createLink(target, temp);
                } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                    if (e instanceof FileAlreadyExistsException exists) {
                        throw exists;
                    }
                    Files.move(temp, target);
                }
                return target;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100_000) {
                    throw new IOException("no free file name for " + fileName + " in " + directory, e);
                }
            }
        }
    }

    /**
     * Renames a file within its folder without replacing anything.
     *
     * @throws FileAlreadyExistsException when the new name is taken
     */
    public static Path renameNoReplace(Path file, String newName) throws IOException {
        Path target = file.resolveSibling(newName);
        try {
            Files.createLink(target, file);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            return Files.move(file, target);
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            // Linked but the old name stays (a sticky folder, a file of another user): undo, the video is unchanged.
            try {
                Files.delete(target);
            } catch (IOException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return target;
    }
}
