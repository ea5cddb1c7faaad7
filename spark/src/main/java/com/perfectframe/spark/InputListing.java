package com.perfectframe.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The inputs of a job, found by the driver as the command line finds them (the files directly in the folder with a
 * wanted extension, hidden ones and already-processed ones left out), largest first: one task per video, and the
 * longest videos start early instead of finishing last on an otherwise idle cluster.
 */
final class InputListing {

    private InputListing() {}

    static List<InputFile> list(
            String folder,
            Configuration hadoop,
            List<String> extensions,
            String skippedPrefix,
            Collection<String> done) {
        Path path = new Path(folder);
        FileStatus[] statuses;
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            statuses = fs.listStatus(path);
        } catch (FileNotFoundException e) {
            throw new JobException("Input folder " + folder + " does not exist.");
        } catch (IOException e) {
            throw new JobException("Input folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        List<InputFile> inputs = new ArrayList<>();
        for (FileStatus status : statuses) {
            String name = status.getPath().getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!status.isFile()
                    || name.startsWith(".")
                    || name.startsWith("_")
                    || (skippedPrefix != null && name.startsWith(skippedPrefix))
                    || extensions.stream().noneMatch(lower::endsWith)
                    || done.contains(name)) {
                continue;
            }
            inputs.add(new InputFile(status.getPath().toString(), name, status.getLen(), status.getModificationTime()));
        }
        inputs.sort(Comparator.comparingLong(InputFile::size).reversed().thenComparing(InputFile::name));
        return inputs;
    }
}
