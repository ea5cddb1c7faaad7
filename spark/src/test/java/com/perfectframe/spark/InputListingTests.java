package com.perfectframe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's listing: flat by default, the whole tree with --recursive, named by path under the input folder. */
class InputListingTests {

    @TempDir
    Path in;

    private List<String> names(boolean recursive, Set<String> done) {
        return InputListing.list(
                        in.toString(),
                        new Configuration(),
                        List.of(".mp4", ".mov"),
                        "frames_extracted_",
                        done,
                        recursive)
                .stream()
                .map(InputFile::name)
                .sorted()
                .toList();
    }

    @Test
    void listsSubfoldersOnlyWhenRecursiveAndSkipsHiddenProcessedAndDoneOnes() throws Exception {
        for (String name : List.of(
                "top.mp4",
                "2023/06/clip.mp4",
                "2024/clip.MOV",
                "2024/notes.txt",
                ".hidden/x.mp4",
                "_temporary/y.mp4",
                "a/frames_extracted_z.mp4",
                "a/done.mp4")) {
            Path file = in.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
        assertThat(names(false, Set.of())).containsExactly("top.mp4");
        assertThat(names(true, Set.of("a/done.mp4"))).containsExactly("2023/06/clip.mp4", "2024/clip.MOV", "top.mp4");
    }
}
