package com.perfectframe.extract.output;

import com.perfectframe.extract.run.ExtractionException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan of one video's commit ({@value #FILE_NAME} in its staging folder), written in full before anything in
 * the output folder changes, so that a commit cut short by a crash is finished by the next start exactly as it would
 * have ended: which staged picture takes which name, which rows go at which offset of which CSV file, and which video
 * is then renamed. Every step can be replayed: a picture already moved is recognised, rows already appended (in
 * part or whole) are completed, not repeated, and a video already renamed is left alone.
 *
 * <p>Written and replayed through {@code java.io} and plain file system calls, never an NIO channel, so that a
 * cancellation (an interrupt of the job's thread) cannot cut a commit short.
 */
public final class CommitJournal {

    private static final Logger log = LoggerFactory.getLogger(CommitJournal.class);

    static final String FILE_NAME = "commit.journal";

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

    /** Reads the journal of a staging folder, or null when the folder has none (its video was never committed). */
    static CommitJournal readFrom(Path staging) throws IOException {
        Path file = staging.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        List<Move> moves = new ArrayList<>();
        List<Append> appends = new ArrayList<>();
        Rename rename = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = fields(line);
            try {
                switch (f[0]) {
                    case "move" -> moves.add(new Move(f[1], f[2]));
                    case "append" -> appends.add(new Append(f[1], Long.parseLong(f[2]), f[3]));
                    case "rename" -> rename = new Rename(Path.of(f[1]), f[2]);
                    default -> throw new IOException("unknown step " + f[0]);
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IOException("damaged journal " + file, e);
            }
        }
        return new CommitJournal(moves, appends, rename);
    }

    /**
     * Puts the staged outputs in place, in the journal's order; may be called again after a crash at any point.
     *
     * @return the rename's failure (the outputs are in place then), or null
     * @throws IOException when the output folder cannot be written
     */
    ExtractionException apply(Path staging, Path output) throws IOException {
        for (Move move : moves) {
            move(staging.resolve(move.staged()), output.resolve(move.target()));
        }
        for (Append append : appends) {
            append(output.resolve(append.file()), append.offset(), append.text());
        }
        if (rename != null && Files.exists(rename.video(), LinkOption.NOFOLLOW_LINKS)) {
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
