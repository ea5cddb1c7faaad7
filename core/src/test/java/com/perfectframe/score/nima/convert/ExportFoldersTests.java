package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary folders of interrupted model conversions are removed at the next load, never a live one's. */
class ExportFoldersTests {

    @TempDir
    Path savedmodel;

    /** A folder as a conversion killed half way leaves it: its lock file (no longer locked) and part of a model. */
    private Path leftOver(String name, boolean withOwnerFile) throws Exception {
        Path folder = Files.createDirectories(savedmodel.resolve(name).resolve("model/variables"));
        Files.write(folder.resolve("variables.data-00000-of-00001"), new byte[1 << 20]);
        Path top = savedmodel.resolve(name);
        if (withOwnerFile) {
            Files.writeString(top.resolve(ExportFolders.OWNER_FILE), "");
        }
        return top;
    }

    @Test
    void removesWhatInterruptedConversionsLeftAndKeepsWhatALiveOneWrites() throws Exception {
        Path killed = leftOver(".export-tmp4417", true);
        Path oldWithoutOwner = leftOver(".export-tmp0001", false);
        Files.setLastModifiedTime(
                oldWithoutOwner,
                FileTime.from(Instant.now().minus(ExportFolders.UNLOCKED_AGE.plus(Duration.ofMinutes(1)))));
        Path freshWithoutOwner = leftOver(".export-tmp0002", false);
        Path converted = Files.createDirectories(savedmodel.resolve("abc123-nima1"));
        try (ExportFolders.Claimed live = ExportFolders.claim(savedmodel)) {
            Files.writeString(live.folder().resolve("partial"), "being written");

            assertThat(ExportFolders.removeStale(savedmodel)).isEqualTo(2);

            assertThat(killed).as("its owner is gone: lock free").doesNotExist();
            assertThat(oldWithoutOwner)
                    .as("no owner file, older than the grace period")
                    .doesNotExist();
            assertThat(freshWithoutOwner)
                    .as("no owner file yet, but so recent a conversion may be creating it")
                    .exists();
            assertThat(live.folder().resolve("partial"))
                    .as("a live conversion's folder")
                    .exists();
            assertThat(converted).as("a finished conversion").exists();
        }
        try (var left = Files.list(savedmodel)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("a claimed folder goes when its conversion ends")
                    .containsExactlyInAnyOrder(".export-tmp0002", "abc123-nima1");
        }
    }
}
