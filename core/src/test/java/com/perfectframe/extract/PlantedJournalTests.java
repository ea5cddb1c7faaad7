package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.OutputStaging;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A commit journal planted in an output folder by anyone who can write there, replayed when the next job locks the
 * folder, on real folders: it may touch nothing but its staging folder and the output folder (and rename only a video
 * the job could have processed); a journal that says otherwise, or cannot be read, is refused in one line naming it,
 * and the job goes on, then and at every later run.
 */
class PlantedJournalTests {

    @TempDir
    Path root;

    Path allowed;
    Path input;
    Path output;
    Path outside;
    Path staging;
    ListAppender<ILoggingEvent> log;

    @BeforeEach
    void folders() throws Exception {
        allowed = Files.createDirectories(root.resolve("allowed"));
        input = Files.createDirectories(allowed.resolve("in"));
        output = Files.createDirectories(allowed.resolve("out"));
        outside = Files.createDirectories(root.resolve("outside"));
        staging = Files.createDirectories(output.resolve(OutputStaging.FOLDER).resolve("video-planted"));
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger("com.perfectframe.extract.output")).addAppender(log);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger("com.perfectframe.extract.output")).detachAppender(log);
    }

    private static String line(String step, String... values) {
        StringBuilder text = new StringBuilder(step);
        for (String value : values) {
            text.append(' ').append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        return text.append('\n').toString();
    }

    private void plant(String... lines) throws Exception {
        Files.writeString(staging.resolve("commit.journal"), String.join("", lines));
    }

    /** Locks the output folder as a service job confined to {@code allowed} does, then lets it go. */
    private void lockAsAConfinedJob() throws Exception {
        ExtractionRequest request = ExtractionRequest.builder(input, output)
                .confinement(new Confinement(List.of(allowed)))
                .build();
        try (OutputJob job = OutputJob.open(request)) {
            assertThat(job.output()).isEqualTo(output);
        }
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void picturesNamedOutsideTheStagingAndOutputFoldersAreRefusedWhole() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(staging.resolve("a.jpg"), "picture");
        for (String[] move : List.of(
                new String[] {secret.toString(), "stolen.jpg"},
                new String[] {"../../../outside/secret.txt", "stolen.jpg"},
                new String[] {"a.jpg", outside.resolve("moved.jpg").toString()},
                new String[] {"a.jpg", "../escaped.jpg"},
                new String[] {"a.jpg", ".."})) {
            Files.createDirectories(staging);
            Files.writeString(staging.resolve("a.jpg"), "picture");
            plant(line("move", move[0], move[1]));
            log.list.clear();
            lockAsAConfinedJob();
            assertThat(names(outside)).as(String.join(" → ", move)).containsExactly("secret.txt");
            assertThat(names(output)).as(String.join(" → ", move)).doesNotContain("stolen.jpg", "a.jpg");
            assertThat(Files.exists(allowed.resolve("escaped.jpg"))).isFalse();
            assertThat(Files.exists(output.resolve(OutputStaging.FOLDER)))
                    .as("the staging folder is discarded")
                    .isFalse();
            assertThat(warnings())
                    .singleElement()
                    .asString()
                    .contains("commit.journal")
                    .contains("not replayed")
                    .contains("picture named outside its folders");
        }
        assertThat(Files.readString(secret)).isEqualTo("secret");
    }

    @Test
    void aTargetLeavingTheOutputFolderOrPassingALinkIsRefusedAtAnyDepth() throws Exception {
        Files.createSymbolicLink(output.resolve("linkdir"), outside);
        Files.createSymbolicLink(output.resolve("dangling"), root.resolve("nowhere"));
        Files.writeString(output.resolve("afile"), "not a folder");
        Files.createDirectories(output.resolve("sub/real"));
        Files.createSymbolicLink(output.resolve("sub/real/deeplink"), outside);
        for (String target : List.of(
                "sub/../../x.jpg",
                "sub/../x.jpg",
                "sub/real/../../../x.jpg",
                "a//x.jpg",
                "./x.jpg",
                "a/./x.jpg",
                "sub/",
                "/x.jpg",
                outside.resolve("x.jpg").toString(),
                "linkdir/x.jpg",
                "linkdir/deeper/x.jpg",
                "sub/real/deeplink/x.jpg",
                "dangling/x.jpg",
                "afile/x.jpg")) {
            Files.createDirectories(staging);
            Files.writeString(staging.resolve("a.jpg"), "picture");
            plant(line("move", "a.jpg", target));
            log.list.clear();
            lockAsAConfinedJob();
            assertThat(names(outside)).as(target).isEmpty();
            assertThat(names(root)).as(target).containsExactlyInAnyOrder("allowed", "outside");
            assertThat(names(allowed)).as(target).containsExactlyInAnyOrder("in", "out");
            assertThat(names(output.resolve("sub"))).as(target).containsExactly("real");
            assertThat(names(output.resolve("sub/real"))).as(target).containsExactly("deeplink");
            assertThat(Files.exists(output.resolve("x.jpg"))).as(target).isFalse();
            assertThat(Files.exists(output.resolve("a"))).as(target).isFalse();
            assertThat(Files.exists(output.resolve(OutputStaging.FOLDER)))
                    .as("the staging folder is discarded")
                    .isFalse();
            assertThat(warnings())
                    .as(target)
                    .singleElement()
                    .asString()
                    .contains("commit.journal")
                    .contains("not replayed")
                    .containsAnyOf("picture named outside its folders", "is a symbolic link or not a folder");
        }
    }

    @Test
    void aNestedTargetOfARecursiveJobIsReplayedAndItsVideoRenamedInItsSubfolder() throws Exception {
        Path video = Files.writeString(
                Files.createDirectories(input.resolve("a/b")).resolve("clip.mp4"), "a video in a subfolder");
        Files.createDirectories(output.resolve("a")); // one folder on the way exists already, one does not
        Files.writeString(staging.resolve("staged-1.jpg"), "picture");
        String rows = "file,source,timestamp,frame_number,score,model,captured_at_source,captured_at\n"
                + "a/b/clip_00-00-01.000.jpg,a/b/clip.mp4,00-00-01.000,25,6.0000,synthetic,,\n";
        plant(
                line("move", "staged-1.jpg", "a/b/clip_00-00-01.000.jpg"),
                line("append", Manifest.FILE_NAME, "0", rows),
                line("rename", video.toString(), "done_"));
        lockAsAConfinedJob();
        assertThat(warnings()).isEmpty();
        assertThat(output.resolve("a/b/clip_00-00-01.000.jpg")).hasContent("picture");
        assertThat(com.perfectframe.extract.output.ManifestReader.read(output.resolve(Manifest.FILE_NAME)))
                .containsOnlyKeys("a/b/clip_00-00-01.000.jpg");
        assertThat(names(input.resolve("a/b"))).containsExactly("done_clip.mp4");
        assertThat(Files.exists(output.resolve(OutputStaging.FOLDER))).isFalse();
    }

    @Test
    void rowsForAnyFileButTheManifestAndSamplesAreRefused() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim.txt"), "untouched\n");
        Path beside = Files.writeString(allowed.resolve("beside.txt"), "untouched\n");
        for (String file : List.of(victim.toString(), "../beside.txt", ".perfectframe.lock", "notes.txt")) {
            Files.createDirectories(staging);
            plant(line("append", Manifest.FILE_NAME, "0", "file,source\n"), line("append", file, "0", "FORGED\n"));
            log.list.clear();
            lockAsAConfinedJob();
            assertThat(warnings()).singleElement().asString().contains("rows for a file other than");
            assertThat(Files.exists(output.resolve(Manifest.FILE_NAME)))
                    .as("nothing of a refused journal is applied")
                    .isFalse();
        }
        assertThat(Files.readString(victim)).isEqualTo("untouched\n");
        assertThat(Files.readString(beside)).isEqualTo("untouched\n");
        assertThat(names(output)).doesNotContain("notes.txt");
    }

    @Test
    void onlyAVideoTheJobCouldHaveProcessedIsRenamed() throws Exception {
        Path foreign = Files.writeString(outside.resolve("clip.mp4"), "a video outside the allowed folders");
        Path notAVideo = Files.writeString(input.resolve(".bashrc"), "a file in the input folder");
        Path link = Files.createSymbolicLink(input.resolve("link.mp4"), foreign);
        Path ours = Files.writeString(input.resolve("ours.mp4"), "a video of the input folder");
        for (Path video : List.of(foreign, notAVideo, link)) {
            Files.createDirectories(staging);
            Files.writeString(staging.resolve("a.jpg"), "picture");
            plant(line("move", "a.jpg", "kept.jpg"), line("rename", video.toString(), "done_"));
            log.list.clear();
            lockAsAConfinedJob();
            assertThat(Files.exists(video, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .as(video.toString())
                    .isTrue();
            assertThat(output.resolve("kept.jpg"))
                    .as("the pictures are put in place")
                    .hasContent("picture");
            Files.delete(output.resolve("kept.jpg"));
            assertThat(warnings())
                    .singleElement()
                    .asString()
                    .contains(video.getFileName().toString())
                    .contains("is not renamed");
        }
        assertThat(names(outside)).containsExactly("clip.mp4");
        Files.createDirectories(staging);
        plant(line("rename", ours.toString(), "done_"));
        lockAsAConfinedJob();
        assertThat(names(input)).contains("done_ours.mp4").doesNotContain("ours.mp4");
    }

    @Test
    void aPrefixThatLeavesTheFolderOrHidesTheVideoIsRefused() throws Exception {
        Path video = Files.writeString(input.resolve("clip.mp4"), "video");
        for (String prefix : List.of("../", "/tmp/", ".", "..", ".done_", "a\nb")) {
            Files.createDirectories(staging);
            plant(line("rename", video.toString(), prefix));
            log.list.clear();
            lockAsAConfinedJob();
            assertThat(names(input)).as(prefix).containsExactly("clip.mp4");
            assertThat(warnings()).as(prefix).singleElement().asString().contains("prefix");
        }
        assertThat(names(allowed)).containsExactlyInAnyOrder("in", "out");
    }

    @Test
    void anUnreadableJournalIsRefusedInOneLineAndNeverStopsALaterRun() throws Exception {
        for (String text : List.of(
                "move !!! ???\n",
                "move " + Base64.getEncoder().encodeToString("a".getBytes(StandardCharsets.UTF_8)) + "\n",
                "append bWFuaWZlc3QuY3N2 not-a-number eA==\n",
                "erase Lw==\n",
                "\u0000\u00ff binary")) {
            Files.createDirectories(staging);
            plant(text);
            log.list.clear();
            lockAsAConfinedJob();
            assertThat(warnings())
                    .as(text)
                    .singleElement()
                    .asString()
                    .contains(staging.resolve("commit.journal").toString())
                    .contains("not replayed")
                    .doesNotContain("\n");
            lockAsAConfinedJob(); // the next run starts cleanly
        }
    }

    @Test
    void aHardLinkPlantedInTheStagingFolderIsNotPutInPlace() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createLink(staging.resolve("a.jpg"), secret);
        plant(line("move", "a.jpg", "a.jpg"));
        lockAsAConfinedJob();
        assertThat(names(output)).doesNotContain("a.jpg");
        assertThat(Files.readString(secret)).isEqualTo("secret");
        assertThat(warnings()).anyMatch(w -> w.contains("not a picture of this job"));
    }
}
