package com.perfectframe.web;

import com.perfectframe.access.AllowedFolders;
import com.perfectframe.access.BodyLimit;
import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.output.ManifestRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The gallery of an output folder: its manifest's pictures as JSON, a page at a time, each picture, its thumbnail, and
 * a zip of a selection. Every file goes through {@link GalleryFolder}, so only pictures the folder's manifest lists
 * are served. Nothing here writes to the folder or deletes anything.
 */
@RestController
class GalleryController {

    /** Pictures a page holds unless the client asks for fewer; and the most it may ask for. */
    static final int PAGE = 500;

    static final int MAX_PAGE = 1000;

    /** Most pictures in one zip (the body limit comes first for all but the shortest names). */
    static final int MAX_ZIP_FILES = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AllowedFolders allowed;
    private final Path defaultFolder;
    private final Thumbnails thumbnails;
    private final ManifestIndexes indexes;

    GalleryController(PerfectFrameProperties properties, Thumbnails thumbnails, ManifestIndexes indexes) {
        this.allowed = new AllowedFolders(properties.effectiveAllowedRoots());
        this.defaultFolder = properties.outputDirectory();
        this.thumbnails = thumbnails;
        this.indexes = indexes;
    }

    /**
     * What the page shows: the folder (resolved); one page of its pictures in the order asked (those still there),
     * and how many rows of that page are gone; how many the manifest lists ({@code total}), whether it lists more than
     * the gallery reads ({@code truncated}) and how many rows could not be read; the largest zip request accepted.
     */
    record Gallery(
            String folder,
            List<ManifestRow> pictures,
            int missing,
            int total,
            int offset,
            int limit,
            String order,
            boolean truncated,
            int unreadable,
            int zipLimitBytes) {}

    @GetMapping(value = "/gallery", produces = MediaType.APPLICATION_JSON_VALUE)
    Gallery gallery(
            @RequestParam(required = false) String folder,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + PAGE) int limit,
            @RequestParam(defaultValue = "time") String order) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "offset must be 0 or more, and limit between 1 and " + MAX_PAGE + ".");
        }
        ManifestIndex.Order sorted = order(order);
        GalleryFolder gallery = open(folder);
        GalleryFolder.Page page = gallery.page(sorted, offset, limit);
        ManifestIndex index = gallery.index();
        return new Gallery(
                gallery.path().toString(),
                page.present(),
                page.missing(),
                index.total(),
                offset,
                limit,
                sorted.name().toLowerCase(Locale.ROOT),
                index.truncated(),
                index.unreadable(),
                BodyLimit.MAX_SELECTION_BODY);
    }

    /** Every sample's score, from the folder's {@code samples.csv}; 404 when the job wrote none. */
    @GetMapping(value = "/gallery/samples", produces = MediaType.APPLICATION_JSON_VALUE)
    SampleScores.Samples samples(@RequestParam(required = false) String folder) throws IOException {
        Path csv = open(folder)
                .own(
                        SampleScores.FILE_NAME,
                        "This folder has no samples.csv (start the job with samples_csv); one that is a symbolic"
                                + " link is not served.");
        return SampleScores.read(csv);
    }

    @GetMapping("/gallery/picture")
    ResponseEntity<Resource> picture(@RequestParam(required = false) String folder, @RequestParam String file) {
        Path picture = open(folder).picture(file);
        return ResponseEntity.ok()
                .contentType(mediaType(picture))
                .cacheControl(CacheControl.noCache())
                .body(new FileSystemResource(picture));
    }

    @GetMapping("/gallery/thumbnail")
    ResponseEntity<byte[]> thumbnail(@RequestParam(required = false) String folder, @RequestParam String file) {
        Path picture = open(folder).picture(file);
        byte[] thumbnail;
        try {
            thumbnail = thumbnails.of(picture);
        } catch (IOException e) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No thumbnail can be made of '" + file + "': " + e.getMessage());
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS))
                .body(thumbnail);
    }

    /** The pictures a zip is asked for: the folder and the names, as JSON. */
    record Selection(String folder, List<String> files) {}

    /** A zip of the named pictures, asked for as JSON (scripts); any unknown name refuses the whole. */
    @PostMapping(value = "/gallery/zip", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> zip(@RequestBody Selection selection) {
        return zipOf(selection);
    }

    /**
     * The same, as the page's form sends it (so that the browser downloads the answer): one field, {@code selection},
     * holding the JSON. One field, not one per name, so a selection of thousands is not cut by a parameter limit.
     */
    @PostMapping(value = "/gallery/zip", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<StreamingResponseBody> zipForm(@RequestParam String selection) {
        try {
            return zipOf(JSON.readValue(selection, Selection.class));
        } catch (JacksonException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "selection must be JSON: {\"folder\": \"…\", \"files\": [\"name\", …]}.");
        }
    }

    private ResponseEntity<StreamingResponseBody> zipOf(Selection selection) {
        if (selection == null || selection.files() == null || selection.files().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "files must name at least one picture.");
        }
        if (selection.files().size() > MAX_ZIP_FILES) {
            throw new ResponseStatusException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "A zip holds at most " + MAX_ZIP_FILES + " pictures ("
                            + selection.files().size() + " asked); download the rest in another.");
        }
        GalleryFolder gallery = open(selection.folder());
        Map<String, Path> pictures = new LinkedHashMap<>();
        for (String name : new LinkedHashSet<>(selection.files())) {
            pictures.put(name, gallery.picture(name));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ZipName.attachment(gallery.path().getFileName() + "-pictures.zip"))
                .body(out -> PictureZip.write(pictures, out));
    }

    private GalleryFolder open(String folder) {
        return GalleryFolder.open(allowed, folder, defaultFolder, indexes);
    }

    private static ManifestIndex.Order order(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "score" -> ManifestIndex.Order.SCORE;
            case "time" -> ManifestIndex.Order.TIME;
            case "captured" -> ManifestIndex.Order.CAPTURED;
            default ->
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "order must be score, time or captured.");
        };
    }

    private static MediaType mediaType(Path picture) {
        String name = picture.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return MediaType.IMAGE_PNG;
        }
        if (name.endsWith(".webp")) {
            return MediaType.parseMediaType("image/webp");
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return MediaType.IMAGE_JPEG;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
