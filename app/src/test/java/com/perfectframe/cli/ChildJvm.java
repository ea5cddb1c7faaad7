package com.perfectframe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the application in a child JVM, as a user runs the jar, so that tests can signal or kill it. */
final class ChildJvm {

    private ChildJvm() {}

    /** Starts the jar's entry point ({@link Main}) with the arguments; stdout and stderr go to files named by {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command)
                .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile())
                .redirectError(log.resolveSibling(log.getFileName() + ".err").toFile())
                .start();
    }

    /** What a child started with {@link #start} printed, stdout then stderr, for a failure's message. */
    static String logOf(Path log) {
        StringBuilder text = new StringBuilder();
        for (String stream : List.of(".out", ".err")) {
            try {
                text.append(Files.readString(log.resolveSibling(log.getFileName() + stream)));
            } catch (IOException e) {
                text.append("(no ")
                        .append(stream)
                        .append(": ")
                        .append(e.getMessage())
                        .append(")");
            }
        }
        return text.toString();
    }

    /** Every file of a folder (recursively, hidden ones included) with a digest of its bytes, by relative path. */
    static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                files.put(folder.relativize(file).toString(), bytes.length + "/" + Arrays.hashCode(bytes));
            }
        }
        return files;
    }

    /** The manifest's rows in sorted order, header first. */
    static List<String> manifestRows(Path output) throws IOException {
        List<String> rows = new ArrayList<>(Files.readAllLines(output.resolve("manifest.csv")));
        String header = rows.remove(0);
        rows.sort(null);
        rows.add(0, header);
        return rows;
    }

    /** Whether some file under the folder (recursively) has a name ending with the suffix. */
    static boolean anyFile(Path folder, String suffix) {
        return anyFile(folder, suffix, "");
    }

    /** Whether the folder holds, at any depth, a file whose name has the prefix and the suffix. */
    static boolean anyFile(Path folder, String suffix, String prefix) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(p -> p.getFileName().toString().endsWith(suffix)
                    && p.getFileName().toString().startsWith(prefix));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // a file moved while the folder was walked
        }
    }
}
