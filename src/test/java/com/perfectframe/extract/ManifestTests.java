package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTests {

    @TempDir
    Path dir;

    @Test
    void writesHeaderOnceAndQuotesWhereNeeded() throws Exception {
        Manifest manifest = new Manifest(dir);
        manifest.append(new Manifest.Entry(dir.resolve("a_00-00-01.000.jpg"), Path.of("a.mp4"), 1.0, 25L, null, null));
        manifest.append(
                new Manifest.Entry(dir.resolve("b.jpg"), Path.of("b, \"best\".jpg"), null, null, 7.25, "synthetic"));
        assertThat(Files.readAllLines(manifest.file()))
                .containsExactly(
                        "file,source,timestamp,frame_number,score,model",
                        "a_00-00-01.000.jpg,a.mp4,00-00-01.000,25,,",
                        "b.jpg,\"b, \"\"best\"\".jpg\",,,7.2500,synthetic");
    }

    @Test
    void appendsToAnExistingManifest() throws Exception {
        new Manifest(dir).append(new Manifest.Entry(dir.resolve("x.jpg"), Path.of("x.jpg"), null, null, null, null));
        new Manifest(dir).append(new Manifest.Entry(dir.resolve("y.jpg"), Path.of("y.jpg"), null, null, null, null));
        assertThat(Files.readAllLines(dir.resolve(Manifest.FILE_NAME))).hasSize(3);
    }
}
