package com.perfectframe.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

/**
 * {@code docker run IMAGE best_frames_extractor --all_frames} on bind-mounted folders owned by root (what {@code
 * docker-compose up} run by root creates) and by an unrelated uid: the entrypoint adopts the folder's owner, so the
 * pictures are written as that owner and the video is renamed. Before the entrypoint the container ran as uid 1000
 * and the job failed "Output folder … is not writable" unless the caller rebuilt the image with APP_UID.
 */
class MountedFolderOwnerTests {

    @TempDir
    Path root;

    @BeforeEach
    void docker() {
        DockerTestImage.assumeDockerAndFfmpeg();
    }

    @ParameterizedTest(name = "folders owned by uid {0}")
    @ValueSource(ints = {0, 4242})
    void theCommandLineJobWritesAsTheOwnerOfTheMountedFolders(int owner) throws Exception {
        assumeTrue(
                "0".equals(uid()),
                "only root can make folders owned by another user (the tests run as uid " + uid() + ")");
        Path input = Files.createDirectory(root.resolve("input_directory"));
        Path output = Files.createDirectory(root.resolve("output_directory"));
        TestVideos.h264(input.resolve("clip.mp4"), 90, 30, 30, 0); // 3 s: samples at 0, 1 and 2 s
        for (Path p : List.of(input, output, input.resolve("clip.mp4"))) {
            Files.setAttribute(p, "unix:uid", owner);
            Files.setAttribute(p, "unix:gid", owner);
        }

        try (GenericContainer<?> job = cli(input, output, "best_frames_extractor", "--all_frames")) {
            job.start(); // fails, with the container's log, unless the command exits 0
        }

        List<Path> written = list(output);
        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .contains("manifest.csv")
                .filteredOn(name -> name.endsWith(".jpg"))
                .hasSize(3)
                .allMatch(name -> name.startsWith("clip"));
        for (Path file : written) {
            assertThat(Files.getAttribute(file, "unix:uid")).as(file.toString()).isEqualTo(owner);
        }
        assertThat(list(input))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("frames_extracted_clip.mp4");
    }

    @SuppressWarnings({"deprecation", "resource"})
    private static GenericContainer<?> cli(Path input, Path output, String... command) {
        return new GenericContainer<>(DockerTestImage.get())
                .withFileSystemBind(input.toString(), "/app/input_directory", BindMode.READ_WRITE)
                .withFileSystemBind(output.toString(), "/app/output_directory", BindMode.READ_WRITE)
                .withCommand(command)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(3)));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }
}
