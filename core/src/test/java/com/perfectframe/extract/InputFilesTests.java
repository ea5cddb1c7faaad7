package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTests {

    @TempDir
    Path dir;

    @Test
    void findsVideosCaseInsensitivelyAndSkipsProcessedOnes() throws Exception {
        for (String name :
                new String[] {"b.MP4", "a.mkv", "frames_extracted_c.mp4", "notes.txt", ".hidden.mp4", "d.WebM"}) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectory(dir.resolve("folder.mp4"));
        ExtractionRequest request =
                ExtractionRequest.builder(dir, dir.resolve("out")).build();
        assertThat(InputFiles.videos(request))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("a.mkv", "b.MP4", "d.WebM");
    }

    @Test
    void missingInputFolderIsAClearError() {
        ExtractionRequest request = ExtractionRequest.builder(dir.resolve("nope"), dir.resolve("out"))
                .build();
        assertThatThrownBy(() -> InputFiles.videos(request))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aReadOnlyInputFolderIsSaidBeforeAnyWork() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                "root".equals(System.getProperty("user.name")), "root may write into a read-only folder");
        Path input = Files.createDirectory(dir.resolve("card"));
        Files.writeString(input.resolve("clip.mp4"), "x");
        Files.setPosixFilePermissions(input, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ExtractionRequest request =
                    ExtractionRequest.builder(input, dir.resolve("out")).build();
            assertThatThrownBy(() -> InputFiles.videosToProcess(request, new ExtractionProgress()))
                    .isInstanceOf(ExtractionException.class)
                    .hasMessageContaining("is read-only")
                    .hasMessageContaining("could not be renamed");
        } finally {
            Files.setPosixFilePermissions(input, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
