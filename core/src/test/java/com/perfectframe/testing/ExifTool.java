package com.perfectframe.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads pictures' metadata back with ExifTool (Debian's {@code libimage-exiftool-perl}), a reader independent of
 * the library that wrote it: every tag as {@code Group:Tag} → value, numbers as numbers ({@code -n}).
 */
public final class ExifTool {

    /** Why tests that need ExifTool were skipped. */
    public static final String MISSING = "exiftool is not installed (apt-get install libimage-exiftool-perl)";

    private ExifTool() {}

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("exiftool", "-ver")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every tag of the file as {@code Group1:Tag} (e.g. {@code ExifIFD:DateTimeOriginal}, {@code GPS:GPSLatitude}). */
    public static Map<String, String> tags(Path file) throws IOException {
        List<String> command =
                new ArrayList<>(List.of("exiftool", "-args", "-n", "-G1", "-a", "-charset", "UTF8", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("exiftool failed on " + file + ":\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("-") && eq > 0) {
                tags.putIfAbsent(line.substring(1, eq), line.substring(eq + 1));
            }
        }
        return tags;
    }

    /** Runs exiftool with these arguments (to write test fixtures), failing on an error. */
    public static void run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("exiftool", "-q", "-overwrite_original"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("exiftool failed: " + String.join(" ", command) + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The moment EXIF's {@code DateTimeOriginal}, {@code SubSecTimeOriginal} and {@code OffsetTimeOriginal} say. */
    public static Instant originalInstant(Map<String, String> tags) {
        String date = tags.get("ExifIFD:DateTimeOriginal");
        String offset = tags.get("ExifIFD:OffsetTimeOriginal");
        if (date == null || offset == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.parse(date, DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss"));
        String subSec = tags.get("ExifIFD:SubSecTimeOriginal");
        if (subSec != null && !subSec.isBlank()) {
            local = local.withNano(Integer.parseInt((subSec.trim() + "000000000").substring(0, 9)));
        }
        return local.toInstant(ZoneOffset.of(offset));
    }
}
