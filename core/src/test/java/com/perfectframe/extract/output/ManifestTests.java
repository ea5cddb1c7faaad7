package com.perfectframe.extract.output;

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

    @Test
    void neutralisesCellsASpreadsheetWouldTakeForFormulas() throws Exception {
        Manifest manifest = new Manifest(dir);
        manifest.append(new Manifest.Entry(
                dir.resolve("=cmd|' -C calc'!A0.mp4_00-00-01.000.jpg"),
                Path.of("=cmd|' -C calc'!A0.mp4"),
                1.0,
                25L,
                6.5,
                "synthetic"));
        manifest.append(new Manifest.Entry(dir.resolve("+1.jpg"), Path.of("-2.jpg"), null, null, null, "@sum"));
        manifest.append(new Manifest.Entry(dir.resolve("\tx.jpg"), Path.of("'quoted.jpg"), null, null, null, null));
        assertThat(Files.readAllLines(manifest.file()))
                .containsExactly(
                        "file,source,timestamp,frame_number,score,model",
                        "\"'=cmd|' -C calc'!A0.mp4_00-00-01.000.jpg\",\"'=cmd|' -C calc'!A0.mp4\",00-00-01.000,25,6.5000,"
                                + "synthetic",
                        "\"'+1.jpg\",\"'-2.jpg\",,,,\"'@sum\"",
                        "\"'\tx.jpg\",\"''quoted.jpg\",,,,");
    }

    @Test
    void plainGivesBackWhatWasWritten() {
        for (String name : new String[] {"=a.mp4", "+b", "-c", "@d", "\te", "'f", "''g", "plain.jpg", ""}) {
            String cell = Manifest.csv(name);
            String unquoted =
                    cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
            assertThat(Manifest.plain(unquoted)).isEqualTo(name);
        }
    }
}
