package com.perfectframe.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams chosen pictures as one zip, each under its name in the output folder (with its subfolders: two {@code
 * clip_00-00-01.000.jpg} of different folders stay apart), so a person takes a selection away in one download. Pictures are already compressed, so entries are stored with the fastest deflate level.
 */
final class PictureZip {

    private PictureZip() {}

    static void write(List<Path> pictures, Function<Path, String> names, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Path picture : pictures) {
                ZipEntry entry = new ZipEntry(names.apply(picture));
                entry.setLastModifiedTime(Files.getLastModifiedTime(picture));
                zip.putNextEntry(entry);
                Files.copy(picture, zip);
                zip.closeEntry();
            }
        }
    }
}
