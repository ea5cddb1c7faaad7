package com.perfectframe.web;

import com.perfectframe.access.AllowedFolders;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An output folder under the allowed roots, with the pictures its manifest lists: the only gate through which the
 * page reaches a file. A client names the folder (checked like the API's {@code output_directory}, symbolic links
 * resolved) and picks a picture by a name that must be one of the manifest's; the file served is then the manifest's
 * name resolved in the folder, and only if that name is a plain file name (no separator, not {@code .} or {@code
 * ..}) and the file is a regular file, not a symbolic link. So no path the client composes, and no edited manifest,
 * can reach a file outside the folder. The same holds for the folder's {@code samples.csv}.
 */
final class GalleryFolder {

    private final Path folder;
    private final ManifestIndex index;

    private GalleryFolder(Path folder, ManifestIndex index) {
        this.folder = folder;
        this.index = index;
    }

    /**
     * Opens the folder a client names (null or blank: the service's default output folder).
     *
     * @throws com.perfectframe.access.FolderAccessException (403) outside the allowed roots
     * @throws ResponseStatusException 404 when it is not a folder with a manifest, 400 for an invalid path
     */
    static GalleryFolder open(AllowedFolders allowed, String requested, Path defaultFolder, ManifestIndexes indexes) {
        Path path;
        try {
            path = requested == null || requested.isBlank() ? defaultFolder : Path.of(requested);
        } catch (InvalidPathException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "folder '" + requested + "' is not a valid path.");
        }
        Path folder = allowed.check("folder", path);
        Path manifest = folder.resolve(Manifest.FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw notFound("folder '" + path + "' does not exist.");
        }
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound("folder '" + path + "' has no manifest.csv: no job has written pictures there yet.");
        }
        try {
            return new GalleryFolder(folder, indexes.of(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return folder;
    }

    ManifestIndex index() {
        return index;
    }

    /** One page of the manifest's rows in this order: those whose picture is still here, and how many are not. */
    record Page(List<ManifestRow> present, int missing) {}

    Page page(ManifestIndex.Order order, int offset, int limit) {
        List<ManifestRow> present = new ArrayList<>();
        int missing = 0;
        try {
            for (ManifestRow row : index.page(order, offset, limit)) {
                if (file(row.file()).isPresent()) {
                    present.add(row);
                } else {
                    missing++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(present, missing);
    }

    /**
     * The picture the manifest lists under this name.
     *
     * @throws ResponseStatusException 404 when the manifest lists no such picture or the file is not a safe one
     */
    Path picture(String name) {
        ManifestRow row;
        try {
            row = name == null ? null : index.find(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(row)
                .flatMap(r -> file(r.file()))
                .orElseThrow(() -> notFound("No picture named '" + name + "' in this folder's manifest."));
    }

    /**
     * A file of the folder itself by its plain name (not through a link), e.g. {@code samples.csv}.
     *
     * @throws ResponseStatusException 404 when there is none
     */
    Path own(String name, String whenMissing) {
        return file(name).orElseThrow(() -> notFound(whenMissing));
    }

    private Optional<Path> file(String name) {
        if (!plainName(name)) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (!folder.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /**
     * A name with no folder in it: no separator of this file system (a backslash is an ordinary character of a file
     * name on Linux and macOS, where the manifest may well list one), not {@code .} or {@code ..}, no NUL.
     */
    private boolean plainName(String name) {
        String separator = folder.getFileSystem().getSeparator();
        return !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && !name.contains(separator)
                && name.indexOf('\0') < 0;
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
