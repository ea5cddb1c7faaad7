package com.perfectframe.extract.output;

import com.perfectframe.extract.run.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One video's outputs while the video is in the pipeline: its pictures, written into its own hidden staging folder
 * inside the output folder (same file system, so putting them in place is a rename), and its manifest and
 * {@code samples.csv} rows, kept in memory. When the video is done they are committed as a unit ({@link
 * CommitJournal}): the pictures take their names in the output folder, the rows are appended, and the video is
 * renamed. A video that does not get that far leaves nothing in the output folder; its staging folder is discarded,
 * by the job when it stops, or at the next start after a crash ({@link OutputStaging#recover}).
 */
public final class StagedVideo {

    private final Path video;
    private final Path folder;
    private final Path output;
    /** Pictures in the staging folder, each with the name it asked for and its manifest row. */
    private final List<Picture> pictures = new ArrayList<>();
    /** Rows for other CSV files of the output folder (file name → header and rows). */
    private final Map<String, String[]> rows = new LinkedHashMap<>();

    /** Samples whose pictures are left out of the commit (a better near-duplicate replaced them). */
    private final Set<Integer> withdrawn = new HashSet<>();

    private record Picture(int sample, String staged, String wanted, Manifest.Entry entry) {}

    StagedVideo(Path video, Path folder, Path output) {
        this.video = video;
        this.folder = folder;
        this.output = output;
    }

    Path video() {
        return video;
    }

    public Path folder() {
        return folder;
    }

    public Path output() {
        return output;
    }

    /** Writes a picture into the staging folder (atomically, under a free name); returns where it went. */
    public Path write(String name, OutputFiles.Content content) throws IOException {
        return OutputFiles.writeNew(folder, name, content);
    }

    /**
     * The manifest row of a picture {@link #write} put into the staging folder for the video's sample {@code
     * sample}, asked for under {@code wanted}.
     */
    public synchronized void list(int sample, String wanted, Manifest.Entry entry) {
        pictures.add(new Picture(sample, entry.written().getFileName().toString(), wanted, entry));
    }

    /**
     * Leaves the picture of a sample out of the commit, whether it is written yet or not: the selection replaced it
     * by a better one. Its file goes with the staging folder.
     */
    public synchronized void withdraw(int sample) {
        withdrawn.add(sample);
    }

    /** Rows for a CSV file of the output folder (such as {@code samples.csv}), appended at the commit. */
    synchronized void rows(String fileName, String header, String text) {
        rows.merge(fileName, new String[] {header, text}, (a, b) -> new String[] {a[0], a[1] + b[1]});
    }

    /** How many pictures are staged and not withdrawn. */
    public synchronized int pictures() {
        return (int)
                pictures.stream().filter(p -> !withdrawn.contains(p.sample())).count();
    }

    /** How many pictures were staged and then withdrawn: written, but never to reach the output folder. */
    public synchronized int withdrawnPictures() {
        return pictures.size() - pictures();
    }

    /**
     * Puts the video's outputs in place and, with a prefix, renames the video: journal first, then the steps, then
     * the staging folder goes. Not interrupted by a cancellation.
     *
     * @param processedPrefix the prefix the video is renamed with, or null to leave it as it is
     * @return the rename's failure (the outputs are in place then), or null
     * @throws IOException when the output folder cannot be written; the next start finishes the commit
     */
    public ExtractionException commit(String processedPrefix) throws IOException {
        CommitJournal journal = plan(processedPrefix);
        journal.writeTo(folder);
        ExtractionException renameFailure = journal.apply(folder, output);
        OutputStaging.remove(folder);
        return renameFailure;
    }

    /** The commit's plan: the pictures in name order, each under the first name free in the output folder. */
    public synchronized CommitJournal plan(String processedPrefix) throws IOException {
        List<Picture> sorted = new ArrayList<>(pictures);
        sorted.sort(Comparator.comparing(Picture::wanted).thenComparing(Picture::staged));
        Set<String> taken = new HashSet<>();
        List<CommitJournal.Move> moves = new ArrayList<>();
        StringBuilder manifestRows = new StringBuilder();
        for (Picture picture : sorted) {
            if (withdrawn.contains(picture.sample())) {
                continue;
            }
            if (identicalEarlier(picture)) {
                // Written by an earlier run of this video, which left it unrenamed (cut short, still being
                // written): listed in the manifest then, and not written a second time now.
                continue;
            }
            String target = freeName(picture.wanted(), taken);
            taken.add(target);
            moves.add(new CommitJournal.Move(picture.staged(), target));
            Manifest.Entry e = picture.entry();
            manifestRows.append(Manifest.row(
                    output,
                    new Manifest.Entry(
                            output.resolve(target),
                            e.source(),
                            e.seconds(),
                            e.frameNumber(),
                            e.score(),
                            e.model(),
                            e.capturedAt(),
                            e.capturedAtSource())));
        }
        List<CommitJournal.Append> appends = new ArrayList<>();
        if (!moves.isEmpty()) {
            appends.add(append(Manifest.FILE_NAME, Manifest.HEADER, manifestRows.toString()));
        }
        for (Map.Entry<String, String[]> csv : rows.entrySet()) {
            if (!csv.getValue()[1].isEmpty()) {
                appends.add(append(csv.getKey(), csv.getValue()[0], csv.getValue()[1]));
            }
        }
        CommitJournal.Rename rename = processedPrefix == null ? null : new CommitJournal.Rename(video, processedPrefix);
        return new CommitJournal(moves, appends, rename);
    }

    /** Whether the output folder already holds this picture, byte for byte, under its name or one of its variants. */
    private boolean identicalEarlier(Picture picture) throws IOException {
        Path staged = folder.resolve(picture.staged());
        for (int attempt = 0; attempt <= 100_000; attempt++) {
            Path earlier = output.resolve(OutputNames.variant(picture.wanted(), attempt));
            if (!Files.isRegularFile(earlier, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (Files.size(earlier) == Files.size(staged) && Files.mismatch(earlier, staged) == -1) {
                return true;
            }
        }
        return false;
    }

    private String freeName(String wanted, Set<String> taken) throws IOException {
        for (int attempt = 0; attempt <= 100_000; attempt++) {
            String name = OutputNames.variant(wanted, attempt);
            if (!taken.contains(name) && !Files.exists(output.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                return name;
            }
        }
        throw new IOException("no free file name for " + wanted + " in " + output);
    }

    /** Rows after what the file holds now: with its header when it does not exist yet. */
    private CommitJournal.Append append(String fileName, String header, String text) throws IOException {
        Path file = output.resolve(fileName);
        // Refused before the journal is written: no picture is put in place for rows that could not be listed.
        OutputFiles.refuseLink(file);
        if (Files.exists(file)) {
            return new CommitJournal.Append(fileName, Files.size(file), text);
        }
        return new CommitJournal.Append(fileName, 0, header + text);
    }

    /** Deletes the staging folder and what it holds. */
    public void discard() {
        OutputStaging.remove(folder);
    }
}
