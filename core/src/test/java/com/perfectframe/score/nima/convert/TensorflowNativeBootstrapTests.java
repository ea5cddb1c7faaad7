package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorflowNativeBootstrapTests {

    @TempDir
    Path cache;

    @Test
    void extractsOnceIntoACleanCacheAndReplacesAnIncompleteCopy() throws Exception {
        Files.createDirectories(cache.resolve("tensorflow-2.10.1"));
        Files.writeString(cache.resolve("tensorflow-2.10.1/libjnitensorflow.so"), "half a library");

        Path dir = TensorflowNativeBootstrap.extract(cache);

        assertThat(dir).isEqualTo(cache.resolve("tensorflow-2.10.1"));
        assertThat(Files.size(dir.resolve("libjnitensorflow.so"))).isGreaterThan(100_000);
        assertThat(Files.size(dir.resolve("libtensorflow_cc.so.2"))).isGreaterThan(100_000_000);
        assertThat(dir.resolve("libtensorflow_framework.so.2")).exists();
        try (var entries = Files.list(cache)) {
            assertThat(entries).containsExactly(dir); // no temporary folder left behind
        }
        FileTime extracted = Files.getLastModifiedTime(dir.resolve("libtensorflow_cc.so.2"));
        assertThat(TensorflowNativeBootstrap.extract(cache)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(dir.resolve("libtensorflow_cc.so.2")))
                .isEqualTo(extracted);
    }

    /** Loading needs a fresh JVM: the first TensorFlow library loaded stays for the life of a JVM. */
    @Test
    void loadsTensorflowFromACleanCacheInAFreshJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BootstrapProbe.class.getName(),
                        cache.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("TensorFlow 2.10.1 from " + cache.resolve("tensorflow-2.10.1"));
    }
}
