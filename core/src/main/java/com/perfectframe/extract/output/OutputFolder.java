package com.perfectframe.extract.output;

import com.perfectframe.extract.run.ExtractionException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Predicate;

/** Makes sure the output folder exists and can be written before a job spends time on its inputs. */
public final class OutputFolder {

    private OutputFolder() {}

    /**
     * Prepares the request's output folder, refusing one that is the input folder or inside it: its pictures would
     * be taken for inputs by the next run (top images re-scoring its own copies, 2 then 4 of each).
     */
    public static Path prepare(Path inputDirectory, Path outputDirectory) throws ExtractionException {
        Path input = inputDirectory.toAbsolutePath().normalize();
        Path output = outputDirectory.toAbsolutePath().normalize();
        if (output.startsWith(input)) {
            throw insideInput(output, input);
        }
        prepare(outputDirectory);
        try {
            if (Files.isDirectory(input) && output.toRealPath().startsWith(input.toRealPath())) {
                throw insideInput(output, input);
            }
        } catch (IOException e) {
            // Cannot resolve the links: the lexical check above stands.
        }
        return outputDirectory;
    }

    private static ExtractionException insideInput(Path output, Path input) {
        return new ExtractionException(
                "Output folder " + output + " is the input folder " + input
                        + " or inside it: its pictures would be taken for inputs by the next run; choose another output folder.");
    }

    private static Path prepare(Path directory) throws ExtractionException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ExtractionException(
                    "Output folder " + directory.toAbsolutePath() + " cannot be created (" + e.getMessage() + ").");
        }
        if (!Files.isWritable(directory)) {
            throw new ExtractionException("Output folder " + directory.toAbsolutePath() + " is not writable.");
        }
        return directory;
    }

    /** The lock file in an output folder: it names the process that is writing there. */
    public static final String LOCK_FILE = ".perfectframe.lock";

    /**
     * Held while a job writes to an output folder, so that a second process (CLI or service) on the same folder is
     * told so instead of processing every video again. It is an operating-system lock on {@value #LOCK_FILE}, which
     * the system releases when the process ends in any way, so a crash never leaves the folder locked; the file
     * itself stays (deleting it would race with the next owner).
     */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException e) {
                // Released with the channel anyway.
            }
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to release.
            }
        }
    }

    /**
     * Takes the output folder for one job, then removes the temporary files ({@code .*.part}) that a process killed
     * while writing left behind and settles its staging area ({@link OutputStaging#recover}: uncommitted videos
     * discarded, half-done commits finished): with the lock held, none of them can be in use.
     *
     * @param mayRename which videos a commit finished from its journal may rename (the job's confinement and input
     *     rules); another is left as it is
     *
     * @throws ExtractionException when another process holds the folder, naming it
     */
    public static Lock lock(Path output, Predicate<Path> mayRename) throws ExtractionException {
        Path file = output.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            OutputFiles.refuseLink(file);
            channel = FileChannel.open(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ExtractionException(
                    "Output folder " + output.toAbsolutePath() + " cannot be locked (" + e.getMessage() + ").");
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new ExtractionException("Output folder " + output.toAbsolutePath() + " is in use by "
                        + (owner.isEmpty() ? "another job" : owner)
                        + "; wait for that job to end, or choose another output folder.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner().getBytes(StandardCharsets.UTF_8)), 0);
            removeStaleTemporaryFiles(output);
            try {
                OutputStaging.recover(output, mayRename);
            } catch (IOException e) {
                channel.close();
                throw new ExtractionException("Output folder " + output.toAbsolutePath()
                        + ": the pictures of an interrupted job could not be put in place (" + e.getMessage() + ").");
            }
            return new Lock(channel, lock);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; nothing more to do.
            }
            throw new ExtractionException(
                    "Output folder " + output.toAbsolutePath() + " cannot be locked (" + e.getMessage() + ").");
        }
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        return "PID " + ProcessHandle.current().pid() + " on " + host + " (since " + Instant.now() + ")\n";
    }

    private static void removeStaleTemporaryFiles(Path output) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(output, ".*.part")) {
            for (Path file : stale) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
