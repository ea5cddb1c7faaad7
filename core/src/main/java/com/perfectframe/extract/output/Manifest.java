package com.perfectframe.extract.output;

import com.perfectframe.capture.CaptureTime;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CSV list of everything written to an output folder ({@value #FILE_NAME}): which file, from which source, at
 * which time of the video, with which score and model. Runs append to it, so it keeps the folder's whole history.
 */
public final class Manifest {

    public static final String FILE_NAME = "manifest.csv";

    /** The columns, in order; new columns are only ever added at the end (readers of older files rely on it). */
    static final List<String> COLUMNS = List.of(
            "file", "source", "timestamp", "frame_number", "score", "model", "captured_at_source", "captured_at");

    static final String HEADER = String.join(",", COLUMNS) + "\n";

    /** The header of manifests written before the capture columns. */
    static final String OLD_HEADER = String.join(",", COLUMNS.subList(0, 6)) + "\n";

    private final Path file;

    public Manifest(Path outputDirectory) {
        this.file = outputDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * One written picture. Null fields stay empty in the CSV.
     *
     * @param written the picture, under the output folder (named by its path relative to it)
     * @param source the video or photo it came from: a relative path is its path under the input folder and is
     *     written as it is; an absolute one is named by its file name
     * @param capturedAt when the picture was taken, or null when unknown
     * @param capturedAtSource the tag {@code capturedAt} was read from, or null
     */
    public record Entry(
            Path written,
            Path source,
            Double seconds,
            Long frameNumber,
            Double score,
            String model,
            CaptureTime capturedAt,
            String capturedAtSource) {

        /** An entry without a capture time. */
        public Entry(Path written, Path source, Double seconds, Long frameNumber, Double score, String model) {
            this(written, source, seconds, frameNumber, score, model, null, null);
        }
    }

    /**
     * Appends one row, creating the file with its header first if needed. Written through {@code java.io}, not an
     * NIO channel, so that a thread interrupted by a cancellation still completes the row of a picture it wrote.
     */
    public synchronized void append(Entry entry) throws IOException {
        appendRows(file, HEADER, row(file.getParent(), entry));
    }

    /** The CSV row of an entry of the manifest of {@code output}, with its line end. */
    static String row(Path output, Entry entry) {
        return String.join(
                        ",",
                        csv(nameIn(output, entry.written())),
                        csv(sourceName(entry.source())),
                        entry.seconds() == null ? "" : OutputNames.timestamp(entry.seconds()),
                        entry.frameNumber() == null ? "" : Long.toString(entry.frameNumber()),
                        entry.score() == null ? "" : String.format(Locale.ROOT, "%.4f", entry.score()),
                        csv(entry.model() == null ? "" : entry.model()),
                        csv(
                                entry.capturedAt() == null || entry.capturedAtSource() == null
                                        ? ""
                                        : entry.capturedAtSource()),
                        entry.capturedAt() == null ? "" : entry.capturedAt().iso())
                + "\n";
    }

    /**
     * A file's name as the manifest and samples.csv give it: its path under {@code root} ({@code /} between folders),
     * else its file name. A picture's name under the output folder, a source's under the input folder.
     */
    public static String nameIn(Path root, Path file) {
        return sourceName(OutputNames.source(root, file));
    }

    /** A source's name in the manifest and in its pictures: its relative path as given, else its file name. */
    public static String sourceName(Path source) {
        return slashes(source.isAbsolute() ? source.getFileName() : source.normalize());
    }

    private static String slashes(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    /**
     * Adds the columns of this version to a manifest written by an earlier one (its header, and empty cells in its
     * rows), so that every row has every column; under the output folder's lock, before any row is appended. The
     * file is replaced atomically; a manifest that already has them is left alone.
     */
    public void upgrade() throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        byte[] old = OLD_HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(old.length);
        }
        if (!java.util.Arrays.equals(head, old)) {
            return; // only the header is read: a manifest of this version is not read whole at every job's start
        }
        // Read and written byte for byte (ISO-8859-1 maps each byte to one char and back; the CSV's own characters are
        // ASCII): a row whose bytes are not UTF-8, which readers skip and count, stays as it was, not mangled.
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        StringBuilder upgraded = new StringBuilder(text.length() + 64);
        upgraded.append(HEADER);
        List<List<String>> records = ManifestReader.records(text);
        for (List<String> record : records.subList(1, records.size())) {
            List<String> cells = new java.util.ArrayList<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.add(i < record.size() ? csv(record.get(i)) : "");
            }
            upgraded.append(String.join(",", cells)).append('\n');
        }
        Path temp = file.resolveSibling("." + FILE_NAME + ".upgrade.part");
        Files.deleteIfExists(temp); // a planted link in its place goes, never written through
        Files.writeString(
                temp,
                upgraded,
                StandardCharsets.ISO_8859_1,
                java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The file names the manifest lists (its first column), so that a rerun can list a picture that an interrupted
     * run wrote but could not list any more. Empty when there is no manifest yet.
     */
    public Set<String> listedFiles() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        List<List<String>> records = ManifestReader.records(Files.readString(file, StandardCharsets.UTF_8));
        records.stream().skip(1).forEach(record -> names.add(record.get(0))); // after the header
        return names;
    }

    /**
     * Appends rows to a CSV file of the output folder, creating it with its header first if needed. Written through
     * {@code java.io}, not an NIO channel, so that a thread interrupted by a cancellation still completes its rows.
     * A symbolic link in the file's place is refused, never written through.
     */
    static void appendRows(Path file, String header, String rows) throws IOException {
        OutputFiles.refuseLink(file);
        File target = file.toFile();
        String text = target.createNewFile() ? header + rows : rows;
        try (FileOutputStream out = new FileOutputStream(target, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * One cell: spreadsheet-safe, then RFC 4180 quoting where needed. A cell that a spreadsheet would take for a
     * formula (it starts with {@code = + - @}, a tab or a carriage return: OWASP's CSV injection rules) is prefixed
     * with a single quote and quoted, so a video named {@code =HYPERLINK(…).mp4} shows as text. A cell that already
     * starts with a single quote gets one more, so that {@link #plain} gives every name back exactly. Also used by
     * {@code samples.csv}.
     */
    public static String csv(String field) {
        String cell = spreadsheetSafe(field);
        boolean neutralised = cell.length() != field.length();
        if (neutralised || cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /**
     * The cell with the single quote that keeps a spreadsheet from taking it for a formula, where it needs one (OWASP's
     * CSV injection rules, see {@link #csv}); for CSV writers that do their own quoting, such as Spark's.
     */
    public static String spreadsheetSafe(String field) {
        return field != null && !field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    }

    /** The value {@link #csv} wrote, from an unquoted cell: the neutralising single quote removed. */
    public static String plain(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** First characters that make a spreadsheet evaluate a cell, plus the quote that neutralises them. */
    private static final String FORMULA_STARTS = "=+-@\t\r'";
}
