package com.perfectframe.score.nima.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clean-up of the temporary folders a conversion or an extraction leaves when it fails half way. */
final class Folders {

    private static final Logger log = LoggerFactory.getLogger(Folders.class);

    private Folders() {}

    /** Deletes a folder and everything in it; a failure is only logged, as the folder is scratch space. */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", dir, e);
        }
    }
}
