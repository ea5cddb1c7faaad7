package com.perfectframe.access;

import com.perfectframe.extract.Confinement;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps requests inside the configured roots: a service on a network must not read or write wherever a client
 * points it. Symbolic links are resolved before the check, so a link inside a root cannot lead out of it. Public
 * because the web page's gallery ({@code com.perfectframe.web}) serves pictures under the same rule.
 */
public final class AllowedFolders {

    private final List<Path> roots;

    public AllowedFolders(List<Path> roots) {
        this.roots = new Confinement(roots).roots();
    }

    /**
     * Resolves a requested folder and checks it lies under a root.
     *
     * @throws FolderAccessException naming the field when it does not
     */
    public Path check(String field, Path requested) {
        Path resolved = real(requested);
        for (Path root : roots) {
            if (resolved.startsWith(root)) {
                return resolved;
            }
        }
        throw new FolderAccessException(field + " '" + Excerpt.of(requested)
                + "' is outside the folders this service may use " + roots + " (setting perfectframe.allowed-roots).");
    }

    /** The roots, with symbolic links resolved. */
    public List<Path> roots() {
        return roots;
    }

    /** The absolute path with symbolic links resolved as far as the path exists ({@link Confinement#real}). */
    public static Path real(Path path) {
        return Confinement.real(path);
    }

    /** The confinement a job started by this service runs under: its input files must lie under the same roots. */
    public Confinement confinement() {
        return new Confinement(roots);
    }
}
