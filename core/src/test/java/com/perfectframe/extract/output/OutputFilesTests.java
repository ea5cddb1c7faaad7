package com.perfectframe.extract.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTests {

    @TempDir
    Path dir;

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Files.writeString(dir.resolve("a.jpg"), "old");
        Path written = OutputFiles.writeNew(dir, "a.jpg", "new".getBytes());
        assertThat(written.getFileName().toString()).isEqualTo("a_1.jpg");
        assertThat(Files.readString(dir.resolve("a.jpg"))).isEqualTo("old");
        assertThat(Files.readString(written)).isEqualTo("new");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        OutputFiles.writeNew(dir, "a.jpg", new byte[] {1, 2, 3});
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.jpg");
        }
    }

    @Test
    void concurrentWritersOfTheSameNameGetDistinctFiles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Path>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                byte[] data = {(byte) i};
                tasks.add(() -> OutputFiles.writeNew(dir, "same.jpg", data));
            }
            List<Path> written = new ArrayList<>();
            for (Future<Path> f : pool.invokeAll(tasks)) {
                written.add(f.get());
            }
            assertThat(written).doesNotHaveDuplicates().hasSize(32);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).hasSize(32);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void renameRefusesToReplace() throws Exception {
        Path video = Files.writeString(dir.resolve("v.mp4"), "video");
        Files.writeString(dir.resolve("frames_extracted_v.mp4"), "other");
        assertThatThrownBy(() -> OutputFiles.renameNoReplace(video, "frames_extracted_v.mp4"))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(video)).isEqualTo("video");
        assertThat(Files.readString(dir.resolve("frames_extracted_v.mp4"))).isEqualTo("other");
    }
}
