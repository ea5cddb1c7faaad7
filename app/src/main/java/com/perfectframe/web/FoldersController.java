package com.perfectframe.web;

import com.perfectframe.access.AllowedFolders;
import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.output.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The folders the page's form suggests: the allowed roots and their sub-folders two levels down (hidden ones and
 * symbolic links left out), with the defaults and whether each holds a {@code manifest.csv} (a gallery to open). A
 * suggestion only: what the form sends is checked by the API like any request.
 */
@RestController
class FoldersController {

    /** At most this many folders are listed, so a huge tree cannot make the answer huge. */
    static final int LIMIT = 500;

    private static final int DEPTH = 2;

    private final PerfectFrameProperties properties;
    private final AllowedFolders allowed;

    FoldersController(PerfectFrameProperties properties) {
        this.properties = properties;
        this.allowed = new AllowedFolders(properties.effectiveAllowedRoots());
    }

    record Folder(String path, boolean hasManifest) {}

    record Folders(String inputDirectory, String outputDirectory, List<String> roots, List<Folder> folders) {}

    @GetMapping(value = "/folders", produces = MediaType.APPLICATION_JSON_VALUE)
    Folders folders() {
        List<Folder> found = new ArrayList<>();
        for (Path root : allowed.roots()) {
            collect(root, 0, found);
        }
        return new Folders(
                AllowedFolders.real(properties.inputDirectory()).toString(),
                AllowedFolders.real(properties.outputDirectory()).toString(),
                allowed.roots().stream().map(Path::toString).toList(),
                found);
    }

    private static void collect(Path folder, int depth, List<Folder> found) {
        if (found.size() >= LIMIT || !Files.isDirectory(folder)) {
            return;
        }
        found.add(new Folder(folder.toString(), Files.isRegularFile(folder.resolve(Manifest.FILE_NAME))));
        if (depth == DEPTH) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException | SecurityException e) {
            return;
        }
        for (Path child : children) {
            collect(child, depth + 1, found);
        }
    }
}
