package com.perfectframe.extract.output;

import com.perfectframe.extract.run.ExtractionException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan of one video's commit ({@value #FILE_NAME} in its staging folder), written in full before anything in
 * the output folder changes, so that a commit cut short by a crash is finished by the next start exactly as it would
 * have ended: which staged picture takes which name, which rows go at which offset of which CSV file, and which video
 * is then renamed. Every step can be replayed: a picture already moved is recognised, rows already appended (in
 * part or whole) are completed, not repeated, and a video already renamed is left alone.
 *
 * <p>A journal is a file in the output folder, which others may be able to write: it is trusted for nothing. A replay
 * touches only the staging folder it lies in and the output folder itself: a staged picture is a plain file name in
 * the staging folder (a regular file, not linked elsewhere); its target is a relative path of plain names under the
 * output folder ({@link OutputFiles#isPlainRelativePath}: {@code trip/day1/clip_00-00-01.000.jpg} for a recursive
 * job, never absolute, {@code ..} or {@code .}), every folder on the way a real folder, not a link; rows go to
 * {@code manifest.csv} or {@code samples.csv} only, and the prefix is a valid one ({@link
 * VideoRenamer#prefixProblem}). A journal that says anything else, or cannot be read, is refused whole ({@link
 * Unusable}). At a replay, the video renamed must be one the recovering job may rename (a
 * regular file with a video's extension, under the service's allowed folders); otherwise the pictures are put in
 * place and the video is left as it is, with a warning.
 *
 * <p>Written and replayed through {@code java.io} and plain file system calls, never an NIO channel, so that a
 * cancellation (an interrupt of the job's thread) cannot cut a commit short.
 */
public final class CommitJournal {

    private static final Logger log = LoggerFactory.getLogger(CommitJournal.class);

    static final String FILE_NAME = "commit.journal";

    /** Larger than any journal a video's commit writes (hours of frames): a bigger file is not one. */
    static final long MAX_BYTES = 256L << 20;

    private static final Set<String> APPENDED = Set.of(Manifest.FILE_NAME, SamplesCsv.FILE_NAME);

    /** A journal that cannot be replayed: unreadable, or naming a file outside the staging and output folders. */
    static final class Unusable extends Exception {
        Unusable(Path journal, String why) {
            super("Commit journal " + journal + " is not replayed (" + why + "): its staging folder is discarded.");
        }
    }

    /** A staged picture and the name it takes in the output folder. */
    public record Move(String staged, String target) {}

    /** Rows appended to a CSV file of the output folder, which was {@code offset} bytes long before them. */
    record Append(String file, long offset, String text) {}

    /** The video renamed (prefixed) once its outputs are in place. */
    record Rename(Path video, String prefix) {}

    private final List<Move> moves;
    private final List<Append> appends;
    private final Rename rename;

    CommitJournal(List<Move> moves, List<Append> appends, Rename rename) {
        this.moves = List.copyOf(moves);
        this.appends = List.copyOf(appends);
        this.rename = rename;
    }

    public List<Move> moves() {
        return moves;
    }

    /** Writes the journal into the staging folder: synced, then moved into place, so it is read whole or not at all. */
    public void writeTo(Path staging) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Move move : moves) {
            line(text, "move", move.staged(), move.target());
        }
        for (Append append : appends) {
            line(text, "append", append.file(), Long.toString(append.offset()), append.text());
        }
        if (rename != null) {
            line(text, "rename", rename.video().toAbsolutePath().toString(), rename.prefix());
        }
        Path temp = staging.resolve(FILE_NAME + ".new");
        try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
        Files.move(temp, staging.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the journal of a staging folder of {@code output}, or null when the folder has none (its video was never
     * committed).
     *
     * @throws Unusable when the journal cannot be read or names a file outside its staging and output folders
     */
    static CommitJournal readFrom(Path staging, Path output) throws IOException, Unusable {
        Path file = staging.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new Unusable(file, "not a regular file");
            }
            return null;
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new Unusable(file, "larger than any commit writes");
        }
        List<Move> moves = new ArrayList<>();
        List<Append> appends = new ArrayList<>();
        Rename rename = null;
        int number = 0;
        for (String line : readLines(file)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                String[] f = fields(line);
                switch (f[0]) {
                    case "move" -> moves.add(new Move(f[1], f[2]));
                    case "append" -> appends.add(new Append(f[1], Long.parseLong(f[2]), f[3]));
                    case "rename" -> rename = new Rename(Path.of(f[1]), f[2]);
                    default -> throw new Unusable(file, "line " + number + ": unknown step");
                }
            } catch (RuntimeException e) {
                // A field missing, not Base64, not a number, not a path: damaged or not one of ours.
                throw new Unusable(file, "line " + number + " cannot be read");
            }
        }
        CommitJournal journal = new CommitJournal(moves, appends, rename);
        String problem = journal.outsideItsFolders(output);
        if (problem != null) {
            throw new Unusable(file, problem);
        }
        return journal;
    }

    private static List<String> readLines(Path file) throws IOException, Unusable {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new Unusable(file, "not text");
        }
    }

    /** The first step that would reach outside the staging and output folders, or null. */
    private String outsideItsFolders(Path output) {
        for (Move move : moves) {
            if (!OutputFiles.isPlainName(move.staged()) || !OutputFiles.isPlainRelativePath(move.target())) {
                return "a picture named outside its folders";
            }
            Path link = OutputFiles.linkOnTheWay(output, move.target());
            if (link != null) {
                return "a picture's folder " + link + " is a symbolic link or not a folder";
            }
        }
        for (Append append : appends) {
            if (!APPENDED.contains(append.file()) || append.offset() < 0) {
                return "rows for a file other than "
                        + String.join(" or ", APPENDED.stream().sorted().toList());
            }
        }
        if (rename != null) {
            String prefix = VideoRenamer.prefixProblem(rename.prefix());
            if (prefix != null) {
                return "a processed-video prefix that " + prefix;
            }
            if (!rename.video().isAbsolute()
                    || !rename.video().equals(rename.video().normalize())) {
                return "a video not named by its absolute path";
            }
        }
        return null;
    }

    /**
     * Puts the staged outputs in place, in the journal's order; may be called again after a crash at any point.
     *
     * @return the rename's failure (the outputs are in place then), or null
     * @throws IOException when the output folder cannot be written
     */
    ExtractionException apply(Path staging, Path output) throws IOException {
        return apply(staging, output, video -> true);
    }

    /**
     * Like {@link #apply(Path, Path)}, renaming the video only if {@code mayRename} accepts it (a replay at the next
     * start: the recovering job's rule, e.g. the service's allowed folders).
     */
    ExtractionException apply(Path staging, Path output, Predicate<Path> mayRename) throws IOException {
        for (Move move : moves) {
            OutputFiles.folderFor(output, move.target());
            move(staging.resolve(move.staged()), output.resolve(move.target()));
        }
        for (Append append : appends) {
            append(output.resolve(append.file()), append.offset(), append.text());
        }
        if (rename != null && !Files.exists(rename.video(), LinkOption.NOFOLLOW_LINKS)) {
            Path renamed = rename.video()
                    .resolveSibling(rename.prefix() + rename.video().getFileName());
            if (Files.exists(renamed, LinkOption.NOFOLLOW_LINKS)) {
                return null; // renamed by an earlier attempt of this commit
            }
            return new ExtractionException(rename.video().getFileName()
                    + ": the pictures were written but it was not renamed: it is no longer at " + rename.video()
                    + " (moved or deleted during the job).");
        }
        if (rename != null) {
            if (!mayRename.test(rename.video())) {
                return new ExtractionException(rename.video().getFileName()
                        + ": the pictures an interrupted job had made are in place, but the video is not renamed:"
                        + " it is not a video this job may rename (" + staging.resolve(FILE_NAME) + ").");
            }
            try {
                VideoRenamer.markProcessed(rename.video(), rename.prefix());
            } catch (ExtractionException e) {
                return e;
            }
        }
        return null;
    }

    /** Links a staged picture under its name, or recognises that an earlier attempt did. */
    private static void move(Path staged, Path target) throws IOException {
        if (!Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                log.warn("{} was lost before it could be put in place", target.getFileName());
            }
            return; // moved by an earlier attempt
        }
        if (!Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS) || linkedElsewhere(staged, target)) {
            // Not a picture the job wrote: a link, a folder, or a hard link to another file.
            log.warn("{} in the staging folder is not a picture of this job: not put in place", staged.getFileName());
            return;
        }
        try {
            Files.createLink(target, staged);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isSameFile(target, staged)) {
                throw new IOException(target.getFileName() + " appeared in the output folder during the commit", e);
            }
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // No hard links on this file system: a move that replaces nothing.
            Files.move(staged, target);
            return;
        }
        Files.delete(staged);
    }

    /**
     * Whether the staged file has another name than its own and the target's (a hard link made by someone else to a
     * file elsewhere); a picture the job wrote has one, or two once linked to its target by a cut commit.
     */
    private static boolean linkedElsewhere(Path staged, Path target) throws IOException {
        Object links;
        try {
            links = Files.getAttribute(staged, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no link count on this file system
        }
        int count = ((Number) links).intValue();
        return count > 2
                || count == 2 && !(Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(target, staged));
    }

    /** Appends what is missing of the rows: all of them, the end of them after a cut write, or nothing. */
    private static void append(Path file, long offset, String text) throws IOException {
        OutputFiles.refuseLink(file);
        byte[] rows = text.getBytes(StandardCharsets.UTF_8);
        long size = Files.exists(file) ? Files.size(file) : 0;
        int present = 0;
        if (size > offset) {
            byte[] tail = new byte[(int) Math.min(size - offset, rows.length + 1L)];
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(offset);
                in.readFully(tail);
            }
            if (tail.length > rows.length || !Arrays.equals(tail, 0, tail.length, rows, 0, tail.length)) {
                log.warn("{} changed during a commit; its rows were not added again", file.getFileName());
                return;
            }
            present = tail.length;
        }
        if (present == rows.length) {
            return;
        }
        try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
            out.write(rows, present, rows.length - present);
        }
    }

    private static void line(StringBuilder text, String kind, String... values) {
        text.append(kind);
        for (String value : values) {
            text.append(' ').append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        text.append('\n');
    }

    private static String[] fields(String line) {
        String[] parts = line.split(" ", -1);
        for (int i = 1; i < parts.length; i++) {
            parts[i] = new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8);
        }
        return parts;
    }
}
