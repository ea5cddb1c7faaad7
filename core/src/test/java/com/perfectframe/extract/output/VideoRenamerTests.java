package com.perfectframe.extract.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.perfectframe.extract.run.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed rename says which video, which new name, and why, in one line; the video is left as it was. */
class VideoRenamerTests {

    private static final String PREFIX = "frames_extracted_";

    @TempDir
    Path dir;

    @Test
    void renamesWithThePrefix() throws Exception {
        Path video = Files.writeString(dir.resolve("clip.mp4"), "video");
        assertThat(VideoRenamer.markProcessed(video, PREFIX)).isEqualTo(dir.resolve("frames_extracted_clip.mp4"));
        assertThat(video).doesNotExist();
        assertThat(dir.resolve("frames_extracted_clip.mp4")).hasContent("video");
    }

    @Test
    void aTakenNameIsNamed() throws Exception {
        Path video = Files.writeString(dir.resolve("clip.mp4"), "video");
        Files.writeString(dir.resolve("frames_extracted_clip.mp4"), "an older one");
        assertThatThrownBy(() -> VideoRenamer.markProcessed(video, PREFIX))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("clip.mp4: the pictures were written but it was not renamed to frames_extracted_clip.mp4:"
                        + " frames_extracted_clip.mp4 already exists (move one of them away, then run again)");
        assertThat(video).hasContent("video");
        assertThat(dir.resolve("frames_extracted_clip.mp4")).hasContent("an older one");
    }

    @Test
    void aVanishedVideoIsNamed() {
        Path video = dir.resolve("gone.mp4");
        assertThatThrownBy(() -> VideoRenamer.markProcessed(video, PREFIX))
                .hasMessage("gone.mp4: the pictures were written but it was not renamed to frames_extracted_gone.mp4:"
                        + " the video is gone (moved or deleted during the job)");
    }

    @Test
    void aNameTooLongIsNamed() throws Exception {
        String name = "v".repeat(240) + ".mp4"; // fits; with the prefix it passes 255 bytes
        Path video = Files.writeString(dir.resolve(name), "video");
        assertThatThrownBy(() -> VideoRenamer.markProcessed(video, PREFIX))
                .hasMessageStartingWith(
                        name + ": the pictures were written but it was not renamed to frames_extracted_v")
                .hasMessageEndingWith(": the new name is too long for the file system (261 characters)");
        assertThat(video).hasContent("video");
    }

    @Test
    void aReadOnlyFolderIsNamed() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may rename in a read-only folder");
        Path video = Files.writeString(dir.resolve("clip.mp4"), "video");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> VideoRenamer.markProcessed(video, PREFIX))
                    .hasMessageEndingWith(
                            "frames_extracted_clip.mp4: permission denied (the input folder is not writable by this user)");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThat(video).hasContent("video");
    }
}
