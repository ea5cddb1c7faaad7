package com.perfectframe.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a folder's images into tasks' shares of about {@code perTask} images, in name order, never separating images
 * with the same name stem ({@code a.png} and {@code a.jpg} written as JPEG become {@code a.jpg} and {@code a_1.jpg},
 * which only one task can name as the command line does).
 */
final class ImageShares {

    private ImageShares() {}

    static List<List<InputFile>> of(List<InputFile> images, int perTask) {
        List<InputFile> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.comparing(InputFile::name));
        List<List<InputFile>> shares = new ArrayList<>();
        List<InputFile> share = new ArrayList<>();
        String lastStem = null;
        for (InputFile image : sorted) {
            String stem = stem(image.name());
            if (share.size() >= perTask && !stem.equals(lastStem)) {
                shares.add(share);
                share = new ArrayList<>();
            }
            share.add(image);
            lastStem = stem;
        }
        if (!share.isEmpty()) {
            shares.add(share);
        }
        return shares;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
