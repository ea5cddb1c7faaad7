package com.perfectframe.extract.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
                        "file,source,timestamp,frame_number,score,model,captured_at_source,captured_at",
                        "a_00-00-01.000.jpg,a.mp4,00-00-01.000,25,,,,",
                        "b.jpg,\"b, \"\"best\"\".jpg\",,,7.2500,synthetic,,");
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
                        "file,source,timestamp,frame_number,score,model,captured_at_source,captured_at",
                        "\"'=cmd|' -C calc'!A0.mp4_00-00-01.000.jpg\",\"'=cmd|' -C calc'!A0.mp4\",00-00-01.000,25,6.5000,"
                                + "synthetic,,",
                        "\"'+1.jpg\",\"'-2.jpg\",,,,\"'@sum\",,",
                        "\"'\tx.jpg\",\"''quoted.jpg\",,,,,,");
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

    @Test
    void aManifestOfAnEarlierVersionGetsTheNewColumnsAndKeepsEveryRow() throws Exception {
        Path file = dir.resolve(Manifest.FILE_NAME);
        Files.writeString(
                file,
                "file,source,timestamp,frame_number,score,model\n"
                        + "a_00-00-01.000.jpg,a.mp4,00-00-01.000,25,6.5000,synthetic\n"
                        + "\"b,\nc.jpg\",\"'=b.jpg\",,,7.2500,synthetic\n");
        Manifest manifest = new Manifest(dir);
        manifest.upgrade();
        manifest.upgrade(); // once only
        manifest.append(new Manifest.Entry(
                dir.resolve("sub/x.jpg"),
                Path.of("sub/x.mp4"),
                2.0,
                50L,
                null,
                null,
                com.perfectframe.capture.CaptureTime.parse("2023-06-01T14:30:02+02:00"),
                "com.apple.quicktime.creationdate"));

        assertThat(Files.readString(file))
                .isEqualTo("file,source,timestamp,frame_number,score,model,captured_at_source,captured_at\n"
                        + "a_00-00-01.000.jpg,a.mp4,00-00-01.000,25,6.5000,synthetic,,\n"
                        + "\"b,\nc.jpg\",\"'=b.jpg\",,,7.2500,synthetic,,\n"
                        + "sub/x.jpg,sub/x.mp4,00-00-02.000,50,,,com.apple.quicktime.creationdate,"
                        + "2023-06-01T14:30:02.000+02:00\n");
        var rows = ManifestReader.read(file);
        assertThat(rows.get("b,\nc.jpg").source()).isEqualTo("=b.jpg");
        assertThat(rows.get("a_00-00-01.000.jpg").capturedAt()).isNull();
        assertThat(rows.get("sub/x.jpg").capturedAt()).isEqualTo("2023-06-01T14:30:02.000+02:00");
    }

    @Test
    void anUpgradeKeepsARowThatIsNotUtf8ByteForByteAndNeverWritesThroughALink() throws Exception {
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        old.writeBytes("file,source,timestamp,frame_number,score,model\n".getBytes(StandardCharsets.US_ASCII));
        old.writeBytes("caf".getBytes(StandardCharsets.US_ASCII));
        old.write(0xE9); // a Latin-1 "é": not UTF-8
        old.writeBytes(".jpg,v.mp4,,,5.0000,synthetic\n".getBytes(StandardCharsets.US_ASCII));
        old.writeBytes("日本.jpg,v.mp4,,,6.0000,synthetic\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve(Manifest.FILE_NAME), old.toByteArray());
        Path victim = Files.writeString(dir.resolve("victim.txt"), "untouched");
        Files.createSymbolicLink(dir.resolve("." + Manifest.FILE_NAME + ".upgrade.part"), victim);

        new Manifest(dir).upgrade();

        java.io.ByteArrayOutputStream upgraded = new java.io.ByteArrayOutputStream();
        upgraded.writeBytes(Manifest.HEADER.getBytes(StandardCharsets.US_ASCII));
        upgraded.writeBytes("caf".getBytes(StandardCharsets.US_ASCII));
        upgraded.write(0xE9);
        upgraded.writeBytes(".jpg,v.mp4,,,5.0000,synthetic,,\n".getBytes(StandardCharsets.US_ASCII));
        upgraded.writeBytes("日本.jpg,v.mp4,,,6.0000,synthetic,,\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(file)).isEqualTo(upgraded.toByteArray());
        assertThat(Files.readString(victim)).isEqualTo("untouched");
        assertThat(Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isTrue();
    }

    @Test
    void anOldManifestIsReadWithoutCaptureTimes() throws Exception {
        Path file = Files.writeString(
                dir.resolve(Manifest.FILE_NAME),
                "file,source,timestamp,frame_number,score,model\nx.jpg,x.jpg,,,5.0000,synthetic\n");
        ManifestRow row = ManifestReader.read(file).get("x.jpg");
        assertThat(row.score()).isEqualTo(5.0);
        assertThat(row.capturedAt()).isNull();
        assertThat(row.capturedAtSource()).isNull();
    }
}
