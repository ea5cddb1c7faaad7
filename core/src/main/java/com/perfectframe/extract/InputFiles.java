package com.perfectframe.extract;

import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a job's inputs: the files directly in the input folder with a wanted extension, in name order. */
public final class InputFiles {

    private static final Logger log = LoggerFactory.getLogger(InputFiles.class);

    /**
     * What a file whose name is not text in the file-name encoding gets (bytes of another encoding, such as a Latin-1
     * {@code café} under UTF-8): the decoders and the output names need its name as text, which it has not.
     */
    public static final String UNREADABLE_NAME_NOTE = "its name is not valid "
            + System.getProperty("sun.jnu.encoding", "UTF-8")
            + " text (written in another encoding): skipped, not read; rename it to process it";

    private InputFiles() {}

    /** Videos not yet processed (not starting with the processed prefix). */
    public static List<Path> videos(ExtractionRequest request) throws ExtractionException {
        String prefix = request.inputs().processedVideoPrefix();
        return list(request.inputDirectory(), request.inputs().videoExtensions()).stream()
                .filter(p -> !p.getFileName().toString().startsWith(prefix))
                .toList();
    }

    /**
     * The videos a job processes; a folder without any is the job's error. Under a {@link Confinement}, a symbolic
     * link to a file elsewhere is named in the job's notes and left alone (neither read nor renamed).
     */
    static List<Path> videosToProcess(ExtractionRequest request, ExtractionProgress progress)
            throws ExtractionException {
        List<Path> videos = usable(videos(request), request.confinement(), progress);
        if (videos.isEmpty()) {
            throw new ExtractionException("No unprocessed videos in "
                    + request.inputDirectory().toAbsolutePath() + " (looked for "
                    + String.join(" ", request.inputs().videoExtensions()) + "; names starting with '"
                    + request.inputs().processedVideoPrefix() + "' are skipped" + refused(progress) + ").");
        }
        // Each processed video is renamed: a folder where that cannot happen is said so before any work, instead of
        // writing every picture again on each run.
        if (!Files.isWritable(request.inputDirectory())) {
            throw new ExtractionException(
                    "Input folder " + request.inputDirectory().toAbsolutePath()
                            + " is read-only: processed videos could not be renamed ('"
                            + request.inputs().processedVideoPrefix() + "…') and would be processed again on every run."
                            + " Make it writable, or copy the videos to a writable folder.");
        }
        return videos;
    }

    public static List<Path> images(ExtractionRequest request) throws ExtractionException {
        return list(request.inputDirectory(), request.inputs().imageExtensions());
    }

    /** The images a job scores; a folder without any is the job's error. Confined like {@link #videosToProcess}. */
    static List<Path> imagesToScore(ExtractionRequest request, ExtractionProgress progress) throws ExtractionException {
        List<Path> images = usable(images(request), request.confinement(), progress);
        if (images.isEmpty()) {
            throw new ExtractionException(
                    "No images in " + request.inputDirectory().toAbsolutePath() + " (looked for "
                            + String.join(" ", request.inputs().imageExtensions()) + refused(progress) + ").");
        }
        return images;
    }

    /**
     * The files whose real path the confinement allows and whose name can be used; each other one is named in the
     * job's notes ({@link Confinement#OUTSIDE_NOTE}, {@link #UNREADABLE_NAME_NOTE}).
     */
    static List<Path> usable(List<Path> files, Confinement confinement, ExtractionProgress progress) {
        List<Path> allowed = new ArrayList<>(files.size());
        for (Path file : files) {
            String note = !nameUsable(file)
                    ? UNREADABLE_NAME_NOTE
                    : confinement.allows(file) ? null : Confinement.OUTSIDE_NOTE;
            if (note == null) {
                allowed.add(file);
            } else {
                log.warn("Skipping {}: {}", file.getFileName(), note);
                progress.note(file, note);
            }
        }
        return allowed;
    }

    /**
     * Whether the file can be reached by its name as text: the name read back from the folder, written again, names
     * the same file. Not so when the name's bytes are not text in the file-name encoding.
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
        long outside = progress.notes().stream()
                .filter(n -> n.note().equals(Confinement.OUTSIDE_NOTE))
                .count();
        long unreadable = progress.notes().stream()
                .filter(n -> n.note().equals(UNREADABLE_NAME_NOTE))
                .count();
        return (outside == 0
                        ? ""
                        : "; " + outside + " symbolic links to files outside the allowed folders were skipped")
                + (unreadable == 0 ? "" : "; " + unreadable + " files whose names are not valid text were skipped");
    }

    static List<Path> list(Path directory, List<String> extensions) throws ExtractionException {
        if (!Files.isDirectory(directory)) {
            throw new ExtractionException("Input folder " + directory.toAbsolutePath()
                    + " does not exist or is not a folder; create it or pass another with -i / input_directory.");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> hasExtension(p, extensions))
                    .sorted()
                    .toList();
        } catch (AccessDeniedException e) {
            throw new ExtractionException(
                    "Input folder " + directory.toAbsolutePath() + " cannot be read: permission denied.");
        } catch (NoSuchFileException e) {
            throw new ExtractionException("Input folder " + directory.toAbsolutePath() + " does not exist.");
        } catch (IOException e) {
            throw new ExtractionException(
                    "Input folder " + directory.toAbsolutePath() + " cannot be read: " + e.getMessage());
        }
    }

    static boolean hasExtension(Path file, List<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(name::endsWith);
    }
}
