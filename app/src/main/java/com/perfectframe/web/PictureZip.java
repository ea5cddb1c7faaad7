package com.perfectframe.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams chosen pictures as one zip, each under its name in the output folder (with its subfolders: two {@code
 * clip_00-00-01.000.jpg} of different folders stay apart), so a person takes a selection away in one download. Pictures are already compressed, so entries are stored with the fastest deflate level.
 */
final class PictureZip {

    private PictureZip() {}

    /** Writes each picture under its name (a manifest name: its relative path in the output folder). */
    static void write(Map<String, Path> pictures, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, Path> named : pictures.entrySet()) {
                Path picture = named.getValue();
                ZipEntry entry = new ZipEntry(named.getKey());
                entry.setLastModifiedTime(Files.getLastModifiedTime(picture));
                zip.putNextEntry(entry);
                Files.copy(picture, zip);
                zip.closeEntry();
            }
        }
    }
}
