package com.perfectframe.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where one task attempt puts its pictures in the output file system before they count: {@code
 * OUTPUT/_perfectframe_attempts/<task attempt>/}. A picture is committed by a rename to its final name, which is the
 * name the command line gives it (so deterministic): when that name already exists, another attempt of the same task
 * (a retry, a speculative copy) or an earlier run committed the same picture, and this copy is dropped. So a retried
 * or speculative task leaves no duplicate, and a failed attempt leaves nothing but its folder, which the driver
 * deletes when the job ends.
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

    /** Moves an uploaded file to its final name unless that exists; returns whether this copy was the one kept. */
    boolean commit(String name) throws IOException {
        return commit(fs, new Path(folder, name), new Path(output, name));
    }

    static boolean commit(FileSystem fs, Path uploaded, Path target) throws IOException {
        if (fs.exists(target)) {
            fs.delete(uploaded, false);
            return false;
        }
        fs.mkdirs(target.getParent());
        if (fs.rename(uploaded, target)) {
            return true;
        }
        if (fs.exists(target)) {
            // Another attempt committed the same picture in between.
            fs.delete(uploaded, false);
            return false;
        }
        throw new IOException("cannot move " + uploaded + " to " + target);
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
