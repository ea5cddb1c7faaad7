package com.perfectframe.extract.output;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    static final String HEADER = "file,source,timestamp,frame_number,score,model\n";

    private final Path file;

    public Manifest(Path outputDirectory) {
        this.file = outputDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** One written picture. Null fields stay empty in the CSV. */
    public record Entry(Path written, Path source, Double seconds, Long frameNumber, Double score, String model) {}

    /**
     * Appends one row, creating the file with its header first if needed. Written through {@code java.io}, not an
     * NIO channel, so that a thread interrupted by a cancellation still completes the row of a picture it wrote.
     */
    public synchronized void append(Entry entry) throws IOException {
        appendRows(file, HEADER, row(entry));
    }

    /** The CSV row of an entry, with its line end. */
    static String row(Entry entry) {
        return String.join(
                        ",",
                        csv(entry.written().getFileName().toString()),
                        csv(entry.source().getFileName().toString()),
                        entry.seconds() == null ? "" : OutputNames.timestamp(entry.seconds()),
                        entry.frameNumber() == null ? "" : Long.toString(entry.frameNumber()),
                        entry.score() == null ? "" : String.format(Locale.ROOT, "%.4f", entry.score()),
                        csv(entry.model() == null ? "" : entry.model()))
                + "\n";
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
