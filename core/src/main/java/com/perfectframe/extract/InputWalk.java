package com.perfectframe.extract;

import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input files of a job, listed as a stream: the input folder's files in name order, then (when recursive) each
 * subfolder's, depth first, subfolders in name order. Only one folder's names are held at a time per level, so a
 * tree of 100,000 files in 10,000 folders needs memory for its widest folder, not for all of it.
 *
 * <p>The same rules at every level: hidden files and folders (a leading dot: the staging folder, {@code .git},
 * {@code .thumbnails}) are skipped; a file or folder whose name is not text in the file-name encoding is skipped with
 * a note ({@link InputFiles#UNREADABLE_NAME_NOTE}); under a {@link Confinement}, a file or folder whose real path leaves the allowed
 * roots is skipped with a note; a link to a folder is followed only where the confinement allows it and only when it
 * leads to a folder not searched already (not inside the input folder, not around it, not inside or around another
 * followed link), which also rules out loops. A job counts its inputs once ({@link #count}) before it walks them
 * again to process them; the counting pass is the one that notes what it skipped and refuses a layout that cannot be
 * processed (a folder whose pictures would land in the output folder's mirror of the input, a followed folder that
 * holds the output folder, a folder of videos that cannot be written, where processed videos are renamed).
 */
final class InputWalk implements Iterable<Path> {

    private static final Logger log = LoggerFactory.getLogger(InputWalk.class);

    /** The words with which a skipped link to a folder is named in a job's notes. */
    static final String FOLDER_SEARCHED_NOTE = "symbolic link to a folder searched already: skipped";

    static final String FOLDER_OUTSIDE_NOTE =
            "symbolic link to a folder outside the allowed folders: skipped, not read";

    private final Path root;
    private final boolean recursive;
    private final Predicate<Path> wanted;
    private final Confinement confinement;
    private final Path output;
    private final String renamePrefix;

    /**
     * @param root the input folder
     * @param wanted which files are inputs (by name)
     * @param output the job's output folder, which no searched folder may hold
     * @param renamePrefix the prefix processed inputs are renamed with in their folder (videos), which must then be
     *     writable; null when inputs are not renamed
     */
    InputWalk(
            Path root,
            boolean recursive,
            Predicate<Path> wanted,
            Confinement confinement,
            Path output,
            String renamePrefix) {
        this.root = root;
        this.recursive = recursive;
        this.wanted = wanted;
        this.confinement = confinement;
        this.output = output;
        this.renamePrefix = renamePrefix;
    }

    /**
     * Walks the whole tree once without keeping what it finds: how many inputs there are. Notes what it skips.
     *
     * @throws ExtractionException when the folder cannot be read, or the layout cannot be processed
     */
    int count(ExtractionProgress progress) throws ExtractionException {
        int count = 0;
        try {
            Walker walker = new Walker(progress);
            while (walker.hasNext()) {
                walker.next();
                count++;
            }
        } catch (WalkFailure e) {
            throw e.failure;
        }
        return count;
    }

    /** The inputs, listed as they are reached (the walk after {@link #count}: it notes nothing again). */
    @Override
    public Iterator<Path> iterator() {
        return new Walker(null);
    }

    /** Carries an {@link ExtractionException} out of an iterator. */
    private static final class WalkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ExtractionException failure;

        WalkFailure(ExtractionException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** One folder being listed: its wanted files still to give, then its subfolders still to enter. */
    private record Level(Path folder, Iterator<Path> files, Iterator<Path> folders) {}

    private final class Walker implements Iterator<Path> {
        private final ExtractionProgress progress;
        private final Deque<Level> stack = new ArrayDeque<>();
        /** Real paths of the folder links followed so far: a link into or around one of them is not followed. */
        private final List<Path> followed = new ArrayList<>();

        private final Path rootReal;
        private final Path outputReal;
        /** Where the input folder lies under the output folder (its mirror could land in it), or null. */
        private final Path inputUnderOutput;

        private Path next;

        Walker(ExtractionProgress progress) {
            this.progress = progress;
            this.rootReal = Confinement.real(root);
            this.outputReal = output == null ? null : Confinement.real(output);
            this.inputUnderOutput = outputReal != null && rootReal.startsWith(outputReal) && recursive
                    ? outputReal.relativize(rootReal)
                    : null;
            if (!Files.isDirectory(root)) {
                if (progress == null) {
                    return; // gone since it was counted: nothing to give
                }
                throw new WalkFailure(new ExtractionException("Input folder " + root.toAbsolutePath()
                        + " does not exist or is not a folder; create it or pass another with -i / input_directory."));
            }
            enter(root);
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Level level = stack.peek();
                if (level.files().hasNext()) {
                    next = level.files().next();
                } else if (level.folders().hasNext()) {
                    Path folder = level.folders().next();
                    if (followable(folder)) {
                        enter(folder);
                    }
                } else {
                    stack.pop();
                }
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Path file = next;
            next = null;
            return file;
        }

        /** Lists a folder: its wanted files (allowed by the confinement) and, when recursive, its subfolders. */
        private void enter(Path folder) {
            List<Path> files = new ArrayList<>();
            List<Path> folders = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (entry.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    if (Files.isDirectory(entry)) {
                        if (!recursive) {
                            continue;
                        }
                        if (InputFiles.nameUsable(entry)) {
                            folders.add(entry);
                        } else {
                            note(entry, InputFiles.UNREADABLE_NAME_NOTE);
                        }
                    } else if (Files.isRegularFile(entry) && wanted.test(entry)) {
                        if (!InputFiles.nameUsable(entry)) {
                            note(entry, InputFiles.UNREADABLE_NAME_NOTE);
                        } else if (confinement.allows(entry)) {
                            files.add(entry);
                        } else {
                            note(entry, Confinement.OUTSIDE_NOTE);
                        }
                    }
                }
            } catch (AccessDeniedException e) {
                unreadable(folder, "cannot be read: permission denied.");
                return;
            } catch (NoSuchFileException e) {
                unreadable(folder, "does not exist.");
                return;
            } catch (IOException | UncheckedIOException e) {
                unreadable(folder, "cannot be read: " + e.getMessage());
                return;
            }
            files.sort(null);
            folders.sort(null);
            if (progress != null) {
                check(folder, !files.isEmpty());
            }
            stack.push(new Level(folder, files.iterator(), folders.iterator()));
        }

        /** A folder that cannot be listed: the job's error when counting; skipped when it changed since. */
        private void unreadable(Path folder, String what) {
            if (progress != null) {
                throw failure(folder, what);
            }
            log.warn("{} {}", folder, what);
        }

        /** What the counting pass refuses about a folder it searches. */
        private void check(Path folder, boolean hasInputs) {
            Path relative = root.equals(folder) ? Path.of("") : root.relativize(folder);
            if (inputUnderOutput != null && !relative.toString().isEmpty() && relative.startsWith(inputUnderOutput)) {
                throw failure(
                        folder,
                        "would have its pictures written into the input folder (the output folder "
                                + output.toAbsolutePath() + " holds the input folder, and mirrors its subfolders);"
                                + " choose an output folder outside the input folder.");
            }
            if (hasInputs && renamePrefix != null && !Files.isWritable(folder)) {
                throw failure(
                        folder,
                        "is read-only: processed videos could not be renamed ('" + renamePrefix + "…') and would be"
                                + " processed again on every run. Make it writable, or copy the videos to a writable"
                                + " folder.");
            }
        }

        /** Whether to enter a subfolder: a plain one always; a link only where it leads somewhere new and allowed. */
        private boolean followable(Path folder) {
            if (!Files.isSymbolicLink(folder)) {
                return true;
            }
            if (!confinement.allows(folder)) {
                note(folder, FOLDER_OUTSIDE_NOTE);
                return false;
            }
            Path target = Confinement.real(folder);
            boolean overlaps = target.startsWith(rootReal) || rootReal.startsWith(target);
            for (Path other : followed) {
                overlaps |= target.startsWith(other) || other.startsWith(target);
            }
            if (overlaps) {
                note(folder, FOLDER_SEARCHED_NOTE);
                return false;
            }
            if (outputReal != null && outputReal.startsWith(target)) {
                throw failure(
                        folder,
                        "leads to " + target + ", which holds the output folder " + output.toAbsolutePath()
                                + ": its pictures would be taken for inputs by the next run; choose another output"
                                + " folder.");
            }
            followed.add(target);
            return true;
        }

        private void note(Path file, String note) {
            if (progress != null) {
                log.warn("Skipping {}: {}", file, note);
                progress.note(file, note);
            }
        }

        private WalkFailure failure(Path folder, String what) {
            String name = folder.equals(root) ? "Input folder " : "Folder ";
            return new WalkFailure(new ExtractionException(name + folder.toAbsolutePath() + " " + what));
        }
    }
}
