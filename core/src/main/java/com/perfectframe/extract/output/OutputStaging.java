package com.perfectframe.extract.output;

import com.perfectframe.extract.run.ExtractionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video job's staging area in its output folder ({@value #FOLDER}): one {@link StagedVideo} folder per video in
 * the pipeline, so that a video's pictures and rows reach the output folder together or not at all, and a job
 * killed half way leaves nothing that the rerun would write a second time ({@code _1} copies) or miss in the
 * manifest.
 *
 * <p>At the next start, under the output folder's lock, {@link #recover} discards the staging folders of videos that
 * were never committed (those videos were not renamed, so they are processed again) and finishes the commits that a
 * crash cut short, from their journal.
 */
public final class OutputStaging {

    private static final Logger log = LoggerFactory.getLogger(OutputStaging.class);

    /** The hidden folder, inside the output folder, that holds one folder per video in progress. */
    public static final String FOLDER = ".perfectframe-staging";

    private final Path output;
    private final Map<Path, StagedVideo> videos = new ConcurrentHashMap<>();

    public OutputStaging(Path output) {
        this.output = output;
    }

    public Path output() {
        return output;
    }

    /** Opens the staging folder of a video about to enter the pipeline. */
    public StagedVideo open(Path video) throws IOException {
        // Never through a link: a staging folder elsewhere would put pictures outside the output folder.
        OutputFiles.refuseLink(output.resolve(FOLDER));
        Path parent = Files.createDirectories(output.resolve(FOLDER));
        StagedVideo staged = new StagedVideo(video, Files.createTempDirectory(parent, "video-"), output);
        videos.put(video, staged);
        return staged;
    }

    /** The staging of a video in the pipeline. */
    public StagedVideo of(Path video) {
        StagedVideo staged = videos.get(video);
        if (staged == null) {
            throw new IllegalStateException("no staging folder for " + video.getFileName());
        }
        return staged;
    }

    /** The video left the pipeline (committed or discarded). */
    public void forget(Path video) {
        videos.remove(video);
    }

    /** Removes the staging area itself when no video is left in it. */
    public void close() {
        try {
            Files.deleteIfExists(output.resolve(FOLDER));
        } catch (IOException e) {
            // Not empty (a video the job could not discard) or gone: the next start deals with it.
        }
    }

    /**
     * Deals with what a killed job left in the staging area of an output folder; only under the folder's lock.
     * A video's folder with a commit journal is committed to the end (pictures in place, rows appended once, video
     * renamed); one without is deleted, since its video was not renamed and will be processed again.
     *
     * @param mayRename which videos a replayed commit may rename (the recovering job's rule); a journal naming
     *     another has its pictures put in place, its video left as it is
     * @throws IOException when a commit cannot be finished
     */
    static void recover(Path output, Predicate<Path> mayRename) throws IOException {
        Path area = output.resolve(FOLDER);
        if (!Files.isDirectory(area, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(area)) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(folder);
                    continue;
                }
                CommitJournal journal;
                try {
                    journal = CommitJournal.readFrom(folder, output);
                } catch (CommitJournal.Unusable e) {
                    log.warn("{}", e.getMessage());
                    remove(folder);
                    continue;
                }
                if (journal == null) {
                    log.info(
                            "Discarding the pictures of a video whose job was interrupted ({}): it is processed again",
                            folder.getFileName());
                } else {
                    log.info(
                            "Finishing the commit of {} pictures that an interrupted job had begun",
                            journal.moves().size());
                    ExtractionException renameFailure = journal.apply(folder, output, mayRename);
                    if (renameFailure != null) {
                        log.warn("{}", renameFailure.getMessage());
                    }
                }
                remove(folder);
            }
        }
        try {
            Files.deleteIfExists(area);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            log.warn("The staging area {} could not be emptied", area);
        }
    }

    /** Deletes a video's staging folder: its journal first, so that a half-deleted folder is never replayed. */
    static void remove(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(CommitJournal.FILE_NAME));
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            log.warn("Could not delete the staging folder {}: {}", folder, e.getMessage());
        } catch (UncheckedIOException e) {
            log.warn(
                    "Could not delete the staging folder {}: {}",
                    folder,
                    e.getCause().getMessage());
        }
    }
}
