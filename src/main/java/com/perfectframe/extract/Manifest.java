package com.perfectframe.extract;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

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
        String line = String.join(
                        ",",
                        csv(entry.written().getFileName().toString()),
                        csv(entry.source().getFileName().toString()),
                        entry.seconds() == null ? "" : OutputNames.timestamp(entry.seconds()),
                        entry.frameNumber() == null ? "" : Long.toString(entry.frameNumber()),
                        entry.score() == null ? "" : String.format(Locale.ROOT, "%.4f", entry.score()),
                        csv(entry.model() == null ? "" : entry.model()))
                + "\n";
        File target = file.toFile();
        String text = target.createNewFile() ? HEADER + line : line;
        try (FileOutputStream out = new FileOutputStream(target, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** RFC 4180 quoting: only when the field needs it. */
    static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
