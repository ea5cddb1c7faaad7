package com.perfectframe.score.nima.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file of a converted model, written when the model is made ({@value #FILE_NAME}, in {@code
 * sha256sum} format: {@code cd MODEL && sha256sum -c perfectframe-model.sha256} checks it by hand) and checked before
 * the model is loaded: a truncated {@code saved_model.pb} or variables file, a deleted {@code variables/} or a flipped
 * bit is then found and named, and the model converted again from the trusted weights, instead of every run failing
 * inside TensorFlow with a message that names nothing.
 */
final class ModelChecksums {

    static final String FILE_NAME = "perfectframe-model.sha256";

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) {2}(.+)");

    private ModelChecksums() {}

    /** Writes the checksums of every file now in the model's folder (this list itself excepted). */
    static void write(Path model) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : files(model)) {
            text.append(sha256(file))
                    .append("  ")
                    .append(model.relativize(file).toString().replace('\\', '/'))
                    .append('\n');
        }
        Files.writeString(model.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
    }

    /** What is wrong with the model's files, naming the first file that differs; null when all are as written. */
    static String problem(Path model) {
        Path list = model.resolve(FILE_NAME);
        if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
            return "it has no " + FILE_NAME + " (converted by an older version, or cut short)";
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return FILE_NAME + " cannot be read (" + e.getMessage() + ")";
        }
        if (lines.isEmpty()) {
            return FILE_NAME + " is empty";
        }
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return FILE_NAME + " is damaged";
            }
            String name = m.group(2);
            Path file = model.resolve(name).normalize();
            if (!file.startsWith(model) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return name + " is missing";
            }
            try {
                if (!Sha256.of(file).equals(m.group(1))) {
                    return name + " is not as it was written (" + Files.size(file) + " bytes; its checksum differs)";
                }
            } catch (IOException | RuntimeException e) {
                return name + " cannot be read (" + e.getMessage() + ")";
            }
        }
        return null;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return Sha256.of(file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Path> files(Path model) throws IOException {
        try (Stream<Path> walk = Files.walk(model)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().equals(FILE_NAME))
                    .sorted()
                    .toList();
        }
    }
}
