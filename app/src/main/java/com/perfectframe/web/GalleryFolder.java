package com.perfectframe.web;

import com.perfectframe.access.AllowedFolders;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.output.OutputFiles;
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
 * name resolved in the folder, and only if that name is a plain relative path ({@link OutputFiles#isPlainRelativePath}:
 * names separated by {@code /}, as a recursive job mirrors subfolders; none empty, {@code .} or {@code ..}; no
 * separator of this file system inside a name, while a backslash is an ordinary character of a name on Linux and
 * macOS), every folder on the way is a real folder (not a symbolic link), and the file is a regular file, not a
 * symbolic link. So no path the client composes, and no edited manifest, can reach a file outside the folder. The
 * same holds for the folder's own {@code samples.csv}, which must lie in the folder itself.
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
        return (OutputFiles.isPlainName(name) ? file(name) : Optional.<Path>empty())
                .orElseThrow(() -> notFound(whenMissing));
    }

    private Optional<Path> file(String name) {
        if (!OutputFiles.isPlainRelativePath(name) || OutputFiles.linkOnTheWay(folder, name) != null) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (!file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
