package com.perfectframe.extract;

import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds a job's inputs: the files with a wanted extension in the input folder (and, with {@code recursive}, in its
 * subfolders at any depth), in name order, listed as a stream ({@link InputWalk}).
 */
public final class InputFiles {

    /**
     * What a file or folder whose name is not text in the file-name encoding gets (bytes of another encoding, such as
     * a Latin-1 {@code café} under UTF-8), at any depth: the decoders and the output names need its name as text, which
     * it has not.
     */
    public static final String UNREADABLE_NAME_NOTE = "its name is not valid "
            + System.getProperty("sun.jnu.encoding", "UTF-8")
            + " text (written in another encoding): skipped, not read; rename it to process it";

    private InputFiles() {}

    /**
     * A job's inputs: walked again as they are processed, counted once before.
     *
     * @param files the inputs, in the order they are processed
     * @param count how many there were when they were counted (for progress)
     */
    record Listing(Iterable<Path> files, int count) {}

    /** Videos not yet processed (not starting with the processed prefix), as a list: for tests and small folders. */
    public static List<Path> videos(ExtractionRequest request) throws ExtractionException {
        return collect(videoWalk(request, null));
    }

    /**
     * The videos a job processes; a folder without any is the job's error. Under a {@link Confinement}, a symbolic
     * link to a file or folder elsewhere is named in the job's notes and left alone (neither read nor renamed).
     */
    static Listing videosToProcess(ExtractionRequest request, ExtractionProgress progress) throws ExtractionException {
        progress.inputRoot(request.inputDirectory());
        InputWalk walk = videoWalk(request, request.outputDirectory());
        int count = walk.count(progress);
        if (count == 0) {
            throw new ExtractionException("No unprocessed videos in "
                    + request.inputDirectory().toAbsolutePath() + where(request) + " (looked for "
                    + String.join(" ", request.inputs().videoExtensions()) + "; names starting with '"
                    + request.inputs().processedVideoPrefix() + "' are skipped" + refused(progress) + ").");
        }
        return new Listing(walk, count);
    }

    private static InputWalk videoWalk(ExtractionRequest request, Path output) {
        String prefix = request.inputs().processedVideoPrefix();
        Predicate<Path> wanted = p -> hasExtension(p, request.inputs().videoExtensions())
                && !p.getFileName().toString().startsWith(prefix);
        return new InputWalk(
                request.inputDirectory(), request.inputs().recursive(), wanted, request.confinement(), output, prefix);
    }

    /** The images a job scores; a folder without any is the job's error. Confined like {@link #videosToProcess}. */
    static Listing imagesToScore(ExtractionRequest request, ExtractionProgress progress) throws ExtractionException {
        progress.inputRoot(request.inputDirectory());
        InputWalk walk = new InputWalk(
                request.inputDirectory(),
                request.inputs().recursive(),
                p -> hasExtension(p, request.inputs().imageExtensions()),
                request.confinement(),
                request.outputDirectory(),
                null);
        int count = walk.count(progress);
        if (count == 0) {
            throw new ExtractionException("No images in "
                    + request.inputDirectory().toAbsolutePath() + where(request)
                    + " (looked for " + String.join(" ", request.inputs().imageExtensions()) + refused(progress)
                    + ").");
        }
        return new Listing(walk, count);
    }

    private static String where(ExtractionRequest request) {
        return request.inputs().recursive() ? " or its subfolders" : "";
    }

    /**
     * Whether a file or folder can be reached by its name as text: the name read back from the folder, written again,
     * names the same file. Not so when the name's bytes are not text in the file-name encoding.
     */
    static boolean nameUsable(Path file) {
        try {
            Path again = file.getFileSystem().getPath(file.toString());
            return Files.exists(again, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(again, file);
        } catch (InvalidPathException | IOException | SecurityException e) {
            return false;
        }
    }

    private static String refused(ExtractionProgress progress) {
        long files = count(progress, Confinement.OUTSIDE_NOTE);
        long folders = count(progress, InputWalk.FOLDER_OUTSIDE_NOTE);
        long unreadable = count(progress, UNREADABLE_NAME_NOTE);
        return (files == 0 ? "" : "; " + files + " symbolic links to files outside the allowed folders were skipped")
                + (folders == 0
                        ? ""
                        : "; " + folders + " symbolic links to folders outside the allowed folders were skipped")
                + (unreadable == 0
                        ? ""
                        : "; " + unreadable + " files or folders whose names are not valid text were skipped");
    }

    private static long count(ExtractionProgress progress, String note) {
        return progress.notes().stream().filter(n -> n.note().equals(note)).count();
    }

    /** The files directly in a folder with one of these extensions, in name order. */
    static List<Path> list(Path directory, List<String> extensions) throws ExtractionException {
        return collect(new InputWalk(directory, false, p -> hasExtension(p, extensions), Confinement.NONE, null, null));
    }

    /** The files of a walk as a list (counted first: a folder that is missing or unreadable is said then). */
    private static List<Path> collect(InputWalk walk) throws ExtractionException {
        List<Path> files = new ArrayList<>();
        walk.count(new ExtractionProgress());
        walk.forEach(files::add);
        return files;
    }

    static boolean hasExtension(Path file, List<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(name::endsWith);
    }
}
