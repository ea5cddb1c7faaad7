package com.perfectframe.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams chosen pictures as one zip, each under its own file name, so a person takes a selection away in one
 * download. Pictures are already compressed, so entries are stored with the fastest deflate level.
 */
final class PictureZip {

    private PictureZip() {}

    static void write(List<Path> pictures, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Path picture : pictures) {
                ZipEntry entry = new ZipEntry(picture.getFileName().toString());
                entry.setLastModifiedTime(Files.getLastModifiedTime(picture));
                zip.putNextEntry(entry);
                Files.copy(picture, zip);
                zip.closeEntry();
            }
        }
    }
}
