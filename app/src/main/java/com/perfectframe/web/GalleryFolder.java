package com.perfectframe.web;

import com.perfectframe.access.AllowedFolders;
import com.perfectframe.extract.ManifestReader;
import com.perfectframe.extract.ManifestRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An output folder under the allowed roots, with the pictures its manifest lists: the only gate through which the
 * page reaches a file. A client names the folder (checked like the API's {@code output_directory}, symbolic links
 * resolved) and picks a picture by a name that must be one of the manifest's; the file served is then the manifest's
 * name resolved in the folder, and only if that name is a plain file name (no separator, not {@code .} or {@code
 * ..}) and the file is a regular file, not a symbolic link. So no path the client composes, and no edited manifest,
 * can reach a file outside the folder.
 */
final class GalleryFolder {

    private final Path folder;
    private final Map<String, ManifestRow> rows;

    private GalleryFolder(Path folder, Map<String, ManifestRow> rows) {
        this.folder = folder;
        this.rows = rows;
    }

    /**
     * Opens the folder a client names (null or blank: the service's default output folder).
     *
     * @throws com.perfectframe.access.FolderAccessException (403) outside the allowed roots
     * @throws ResponseStatusException 404 when it is not a folder with a manifest, 400 for an invalid path
     */
    static GalleryFolder open(AllowedFolders allowed, String requested, Path defaultFolder) {
        Path path;
        try {
            path = requested == null || requested.isBlank() ? defaultFolder : Path.of(requested);
        } catch (InvalidPathException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "folder '" + requested + "' is not a valid path.");
        }
        Path folder = allowed.check("folder", path);
        Path manifest = folder.resolve(com.perfectframe.extract.Manifest.FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw notFound("folder '" + path + "' does not exist.");
        }
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound("folder '" + path + "' has no manifest.csv: no job has written pictures there yet.");
        }
        try {
            return new GalleryFolder(folder, ManifestReader.read(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return folder;
    }

    /** The manifest's rows whose picture is still in the folder (a picture may have been deleted since). */
    List<ManifestRow> present() {
        return rows.values().stream().filter(r -> file(r.file()).isPresent()).toList();
    }

    int listed() {
        return rows.size();
    }

    /**
     * The picture the manifest lists under this name.
     *
     * @throws ResponseStatusException 404 when the manifest lists no such picture or the file is not a safe one
     */
    Path picture(String name) {
        return file(name).orElseThrow(() -> notFound("No picture named '" + name + "' in this folder's manifest."));
    }

    ManifestRow row(String name) {
        picture(name);
        return rows.get(name);
    }

    private Optional<Path> file(String name) {
        ManifestRow row = name == null ? null : rows.get(name);
        if (row == null || !plainName(row.file())) {
            return Optional.empty();
        }
        Path file = folder.resolve(row.file());
        if (!file.getParent().equals(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static boolean plainName(String name) {
        return !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0;
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
