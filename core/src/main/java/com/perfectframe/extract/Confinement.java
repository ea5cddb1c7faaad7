package com.perfectframe.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders a job may read from, by their real paths: a service's clients must not reach other files through a
 * symbolic link placed in an allowed folder. The command line is not confined ({@link #NONE}): a local user's own
 * links are followed, as every other tool of theirs does.
 *
 * @param roots the allowed folders with links resolved; empty for {@link #NONE}
 */
public record Confinement(List<Path> roots) {

    /** No confinement: links are followed wherever they lead. */
    public static final Confinement NONE = new Confinement(List.of());

    /** The words with which a refused input file is named in a job's notes. */
    public static final String OUTSIDE_NOTE = "symbolic link to a file outside the allowed folders: skipped, not read";

    public Confinement {
        roots = roots.stream().map(Confinement::real).toList();
    }

    /** Whether a file or folder may be used: always when not confined, else when its real path is under a root. */
    public boolean allows(Path path) {
        if (roots.isEmpty()) {
            return true;
        }
        Path real = real(path);
        return roots.stream().anyMatch(real::startsWith);
    }

    /** The absolute path with symbolic links resolved as far as the path exists. */
    public static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
