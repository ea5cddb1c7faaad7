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

    /** Writes content under the first free variant of the file name and returns where it went. */
    public static Path writeNew(Path directory, String fileName, Content content) throws IOException {
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
