package com.perfectframe.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The inputs of a job, found by the driver as the command line finds them (the files directly in the folder, and with
 * {@code --recursive} in its subfolders, with a wanted extension; hidden ones, those under a hidden or {@code _}
 * folder, and already-processed ones left out), largest first: one task per video, and the longest videos start
 * early instead of finishing last on an otherwise idle cluster. Each is named by its path under the input folder, as
 * the command line names it in the manifest and mirrors it in the output folder.
 */
final class InputListing {

    private InputListing() {}

    static List<InputFile> list(
            String folder,
            Configuration hadoop,
            List<String> extensions,
            String skippedPrefix,
            Collection<String> done,
            boolean recursive) {
        Path path = new Path(folder);
        List<InputFile> inputs = new ArrayList<>();
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            Path root = fs.getFileStatus(path).getPath();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, recursive);
            while (files.hasNext()) {
                LocatedFileStatus status = files.next();
                String relative = relative(root, status.getPath());
                String name = status.getPath().getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (relative == null
                        || hidden(relative)
                        || (skippedPrefix != null && name.startsWith(skippedPrefix))
                        || extensions.stream().noneMatch(lower::endsWith)
                        || done.contains(relative)) {
                    continue;
                }
                inputs.add(new InputFile(
                        status.getPath().toString(), relative, status.getLen(), status.getModificationTime()));
            }
        } catch (FileNotFoundException e) {
            throw new JobException("Input folder " + folder + " does not exist.");
        } catch (IOException e) {
            throw new JobException("Input folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        inputs.sort(Comparator.comparingLong(InputFile::size).reversed().thenComparing(InputFile::name));
        return inputs;
    }

    /** The file's path under the root ({@code a/b/clip.mp4}), or null when it is not under it. */
    private static String relative(Path root, Path file) {
        String base = root.toUri().getPath();
        String path = file.toUri().getPath();
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        return path.startsWith(base) ? path.substring(base.length()) : null;
    }

    /** Whether a file or one of its folders is hidden ({@code .x}) or Hadoop's own ({@code _x}). */
    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
