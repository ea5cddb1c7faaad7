package com.perfectframe.web;

import com.perfectframe.access.AllowedFolders;
import com.perfectframe.config.PerfectFrameProperties;
import com.perfectframe.extract.ManifestRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The gallery of an output folder: its manifest's pictures as JSON, each picture, its thumbnail, and a zip of a
 * selection. Every file goes through {@link GalleryFolder}, so only pictures the folder's manifest lists are served.
 * Nothing here writes to the folder or deletes anything.
 */
@RestController
class GalleryController {

    private final AllowedFolders allowed;
    private final Path defaultFolder;
    private final Thumbnails thumbnails;

    GalleryController(PerfectFrameProperties properties, Thumbnails thumbnails) {
        this.allowed = new AllowedFolders(properties.effectiveAllowedRoots());
        this.defaultFolder = properties.outputDirectory();
        this.thumbnails = thumbnails;
    }

    /** What the page shows: the folder (resolved), its pictures in the manifest's order, and how many are gone. */
    record Gallery(String folder, List<ManifestRow> pictures, int missing) {}

    @GetMapping(value = "/gallery", produces = MediaType.APPLICATION_JSON_VALUE)
    Gallery gallery(@RequestParam(required = false) String folder) {
        GalleryFolder gallery = open(folder);
        List<ManifestRow> present = gallery.present();
        return new Gallery(gallery.path().toString(), present, gallery.listed() - present.size());
    }

    /** Every sample's score, from the folder's {@code samples.csv}; 404 when the job wrote none. */
    @GetMapping(value = "/gallery/samples", produces = MediaType.APPLICATION_JSON_VALUE)
    SampleScores.Samples samples(@RequestParam(required = false) String folder) throws IOException {
        Path csv = open(folder).path().resolve(SampleScores.FILE_NAME);
        if (!Files.isRegularFile(csv)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "This folder has no samples.csv (start the job with samples_csv).");
        }
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

    /** A zip of the named pictures (a form post, so the browser downloads it); any unknown name refuses the whole. */
    @PostMapping(value = "/gallery/zip")
    ResponseEntity<StreamingResponseBody> zip(
            @RequestParam(required = false) String folder, @RequestParam(name = "file") List<String> files) {
        GalleryFolder gallery = open(folder);
        List<Path> pictures =
                new LinkedHashSet<>(files).stream().map(gallery::picture).toList();
        String name = gallery.path().getFileName() + "-pictures.zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(out -> PictureZip.write(pictures, out));
    }

    private GalleryFolder open(String folder) {
        return GalleryFolder.open(allowed, folder, defaultFolder);
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
