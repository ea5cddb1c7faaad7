package com.perfectframe.extract.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsNeutralisedCellsBackAsTheRealNames() throws Exception {
        Manifest manifest = new Manifest(dir);
        manifest.append(new Manifest.Entry(
                dir.resolve("=cmd.mp4_00-00-01.000.jpg"), Path.of("=cmd.mp4"), 1.0, 25L, 6.5, "synthetic"));
        manifest.append(new Manifest.Entry(dir.resolve("'a.jpg"), Path.of("-b.jpg"), null, null, 5.0, "synthetic"));
        var rows = ManifestReader.read(manifest.file());
        assertThat(rows).containsOnlyKeys("=cmd.mp4_00-00-01.000.jpg", "'a.jpg");
        assertThat(rows.get("=cmd.mp4_00-00-01.000.jpg").source()).isEqualTo("=cmd.mp4");
        assertThat(rows.get("=cmd.mp4_00-00-01.000.jpg").seconds()).isEqualTo(1.0);
        assertThat(rows.get("'a.jpg").source()).isEqualTo("-b.jpg");
    }

    @Test
    void scoresThatAreNotFiniteNumbersAreNone() {
        for (String value : java.util.List.of("NaN", "Infinity", "-Infinity", "+Infinity", "nan", "x", "")) {
            assertThat(ManifestReader.number(value)).as(value).isNull();
        }
        assertThat(ManifestReader.number("6.25")).isEqualTo(6.25);
        assertThat(ManifestReader.row(java.util.List.of("a.jpg", "v.mp4", "00-00-01.000", "25", "NaN", "m"))
                        .score())
                .isNull();
        assertThat(ManifestReader.row(java.util.List.of("", "v.mp4", "", "", "", "")))
                .isNull();
        assertThat(ManifestReader.row(java.util.List.of("a.jpg", "v.mp4"))).isNull();
    }
}
