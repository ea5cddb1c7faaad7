package com.perfectframe.web;

import com.perfectframe.api.AllowedFolders;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
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
 * name resolved in the folder, and only if that name is a plain relative path (names separated by {@code /}, as a
 * recursive job mirrors subfolders; none empty, {@code .} or {@code ..}, no backslash), every folder on the way is a
 * real folder (not a symbolic link), and the file is a regular file, not a symbolic link. So no path the client
 * composes, and no edited manifest, can reach a file outside the folder.
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
     * @throws com.perfectframe.api.FolderAccessException (403) outside the allowed roots
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
        Path manifest = folder.resolve(com.perfectframe.extract.output.Manifest.FILE_NAME);
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
        Path file = folder.resolve(row.file()).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        for (Path between = file.getParent(); !between.equals(folder); between = between.getParent()) {
            if (between == null || !Files.isDirectory(between, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
        }
        return Optional.of(file);
    }

    /** A relative path of plain names: {@code a.jpg}, {@code 2023/trip/a.jpg}. */
    private static boolean plainName(String name) {
        if (name.isEmpty() || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A picture's name inside the folder ({@code 2023/trip/a.jpg}), as a zip of a selection names it. */
    String nameOf(Path picture) {
        StringBuilder name = new StringBuilder();
        for (Path part : folder.relativize(picture)) {
            name.append(name.length() > 0 ? "/" : "").append(part);
        }
        return name.toString();
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
