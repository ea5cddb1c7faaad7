package com.perfectframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.SyntheticModel;
import com.perfectframe.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scoring command, in a child JVM as a user runs it: TensorFlow's native chatter about CUDA and oneDNN stays out
 * of its output unless {@code -v} is given, and one line of ours says whether the GPU is used.
 */
class NativeLogTests {

    @TempDir
    Path root;

    private String run(String... extra) throws Exception {
        Path in = root.resolve("in");
        if (!Files.isDirectory(in)) {
            Files.createDirectory(in);
            for (int i = 0; i < 3; i++) {
                TestImages.write(in.resolve("photo" + i + ".jpg"), i);
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "top_images_extractor",
                "-i",
                in.toString(),
                "-o",
                root.resolve("out-" + extra.length).toString(),
                "--models_dir",
                SyntheticModel.modelsDir().toString(),
                "--no-progress"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TF_CPP_MIN_LOG_LEVEL");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void tensorflowSpeaksOnlyWhenAskedAndOneLineSaysWhereTheModelScores() throws Exception {
        String quiet = run();
        assertThat(quiet)
                .doesNotContain("external/org_tensorflow")
                .doesNotContain("cuInit")
                .doesNotContain("Could not load dynamic library")
                .doesNotContain("oneDNN")
                .containsPattern("NIMA model \\w+ loaded on (CPU: no CUDA GPU found|GPU:0: scoring on the GPU)");
        assertThat(quiet.lines().filter(l -> l.contains("NIMA model"))).hasSize(1);
        String verbose = run("-v");
        assertThat(verbose).contains("NIMA model");
        // Where TensorFlow has something to say about CUDA here (a machine without a GPU), -v shows it.
        if (!verbose.contains("GPU:0")) {
            assertThat(verbose).containsAnyOf("cuInit", "Could not load dynamic library", "external/org_tensorflow");
        }
    }
}
