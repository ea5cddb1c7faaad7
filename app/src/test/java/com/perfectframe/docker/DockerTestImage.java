package com.perfectframe.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image the Docker tests run, built at most once per test run: the tag named by {@value #ENV} (which {@code
 * .ci/run} builds once, timed, before the suite), else the repository's Dockerfile (CPU variant), built at first use
 * and kept so that later runs reuse its layers.
 */
final class DockerTestImage {

    /** Names an image already built from this checkout's Dockerfile. */
    static final String ENV = "PERFECTFRAME_TEST_IMAGE";

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static Future<String> image;

    private DockerTestImage() {}

    /** Skips the calling test, with the reason, where no engine or no ffmpeg (for the fixtures) is available. */
    static void assumeDockerAndFfmpeg() {
        // Answers in about half a second where there is no engine (Testcontainers logs what it tried), then cached.
        assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable (see Testcontainers' log above): the Docker image tests need one");
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
    }

    static synchronized Future<String> get() {
        if (image == null) {
            String tag = System.getenv(ENV);
            image = tag != null && !tag.isBlank()
                    ? CompletableFuture.completedFuture(tag)
                    : new ImageFromDockerfile("perfectframe-test", false)
                            .withDockerfile(PROJECT.resolve("Dockerfile"))
                            // The Dockerfile's default, passed explicitly so that Testcontainers can pre-pull it.
                            .withBuildArg("RUNTIME_IMAGE", dockerfileDefault("RUNTIME_IMAGE"));
        }
        return image;
    }

    private static String dockerfileDefault(String arg) {
        String dockerfile;
        try {
            dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m =
                Pattern.compile("^ARG " + arg + "=(\\S+)$", Pattern.MULTILINE).matcher(dockerfile);
        if (!m.find()) {
            throw new IllegalStateException("The Dockerfile has no default for ARG " + arg);
        }
        return m.group(1);
    }
}
