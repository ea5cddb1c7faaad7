package com.perfectframe.spark;

import com.perfectframe.extract.output.OutputNames;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where one task attempt puts its pictures in the output file system before they count: {@code
 * OUTPUT/_perfectframe_attempts/<task attempt>/}. A picture is committed by a rename to its final name, which is the
 * name the command line gives it (so deterministic): when that name already holds the same bytes, another attempt of
 * the same task (a retry, a speculative copy) or an earlier run committed this picture, and this copy is dropped. So a
 * retried or speculative task leaves no duplicate, and a failed attempt leaves nothing but its folder, which the
 * driver deletes when the job ends.
 */
final class AttemptFolder {

    static final String ATTEMPTS = "_perfectframe_attempts";

    private final FileSystem fs;
    private final Path output;
    private final Path folder;

    AttemptFolder(String output, String attempt, Configuration hadoop) throws IOException {
        this.output = new Path(output);
        this.fs = this.output.getFileSystem(hadoop);
        // No .crc side files beside the pictures on file: outputs: the folder should read as the command line's.
        fs.setWriteChecksum(false);
        this.folder = new Path(new Path(this.output, ATTEMPTS), attempt);
    }

    String uri() {
        return folder.toString();
    }

    /** Copies a local file into this attempt's folder under a relative name ({@code a.jpg}, {@code samples/x.csv}). */
    void upload(java.nio.file.Path local, String name) throws IOException {
        fs.copyFromLocalFile(false, true, new Path(local.toUri()), new Path(folder, name));
    }

    /** Commits an uploaded file; returns the name it has in the output folder. */
    String commit(String name) throws IOException {
        return commit(fs, folder, name, output);
    }

    /**
     * Moves {@code folder/name} into {@code output} under the first of {@code name}, {@code name_1}, … that is free,
     * unless one of them before it already holds the same bytes (this picture, committed by another attempt or an
     * earlier run): then this copy is dropped and that name returned. So a retry finds its own picture again, and two
     * videos with the same stem ({@code a.mp4}, {@code a.mkv}) get {@code a_…jpg} and {@code a_…_1.jpg}, as on the
     * command line.
     */
    static String commit(FileSystem fs, Path folder, String name, Path output) throws IOException {
        Path uploaded = new Path(folder, name);
        String relative = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
        String file = name.substring(relative.length());
        for (int n = 0; n <= 100_000; n++) {
            String candidate = relative + OutputNames.variant(file, n);
            Path target = new Path(output, candidate);
            if (!fs.exists(target)) {
                fs.mkdirs(target.getParent());
                if (fs.rename(uploaded, target)) {
                    return candidate;
                }
                if (!fs.exists(target)) {
                    throw new IOException("cannot move " + uploaded + " to " + target);
                }
            }
            if (sameBytes(fs, uploaded, target)) {
                fs.delete(uploaded, false);
                return candidate;
            }
        }
        throw new IOException("no free name for " + name + " in " + output);
    }

    private static boolean sameBytes(FileSystem fs, Path a, Path b) throws IOException {
        if (fs.getFileStatus(a).getLen() != fs.getFileStatus(b).getLen()) {
            return false;
        }
        try (InputStream in = fs.open(a);
                InputStream other = fs.open(b)) {
            return Arrays.equals(in.readAllBytes(), other.readAllBytes());
        }
    }

    /** Deletes this attempt's folder and anything left in it. */
    void discard() throws IOException {
        fs.delete(folder, true);
    }

    /** Deletes every attempt's folder (the driver, once the job's tasks have all ended). */
    static void discardAll(String output, Configuration hadoop) throws IOException {
        Path attempts = new Path(new Path(output), ATTEMPTS);
        attempts.getFileSystem(hadoop).delete(attempts, true);
    }
}
