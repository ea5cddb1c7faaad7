package com.perfectframe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessRestartTests {

    @Test
    void readsTheCommandLineByteForByte() {
        byte[] cmdline =
                "java\0-Xmx2g\0-jar\0target/perfectframe.jar\0-i\0my Vidéos\0\0".getBytes(StandardCharsets.UTF_8);
        List<String> argv = ProcessRestart.arguments(cmdline);
        assertThat(argv).hasSize(7);
        assertThat(argv.subList(0, 5)).containsExactly("java", "-Xmx2g", "-jar", "target/perfectframe.jar", "-i");
        // Each byte is one character, so the arguments go back to the kernel unchanged whatever the locale.
        assertThat(argv.get(5).getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo("my Vidéos".getBytes(StandardCharsets.UTF_8));
        assertThat(argv.get(6)).isEmpty();
    }

    @Test
    void aCommandLineCutByTheKernelIsNotRestarted() {
        assertThat(ProcessRestart.arguments("java\0-cp\0a.jar:b.ja".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ProcessRestart.arguments(new byte[0])).isEmpty();
    }

    @Test
    void theArenaLimitIsWantedOnlyWhenTheAllocatorIsLeftToUs() {
        assertThat(NativeMemory.arenaLimitWanted(Map.of())).isTrue();
        assertThat(NativeMemory.arenaLimitWanted(Map.of("MALLOC_ARENA_MAX", "4")))
                .isFalse();
        assertThat(NativeMemory.arenaLimitWanted(Map.of("LD_PRELOAD", "/usr/lib/libjemalloc.so.2")))
                .isFalse();
        assertThat(NativeMemory.arenaLimitWanted(Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=1")))
                .isFalse();
    }

    @Test
    void aUtf8LocaleIsWantedOnlyWhenTheProcessGotThePosixOne() {
        Map<String, String> set = Map.of("MALLOC_ARENA_MAX", "2");
        assertThat(ProcessRestart.wanted(set, "ANSI_X3.4-1968")).containsExactly(Map.entry("LC_ALL", "C.UTF-8"));
        assertThat(ProcessRestart.wanted(set, "US-ASCII")).containsOnlyKeys("LC_ALL");
        assertThat(ProcessRestart.wanted(set, "UTF-8")).isEmpty();
        assertThat(ProcessRestart.wanted(set, "ISO-8859-1"))
                .as("a Latin-1 user keeps Latin-1")
                .isEmpty();
        assertThat(ProcessRestart.wanted(Map.of(), "ANSI_X3.4-1968"))
                .containsExactly(Map.entry("MALLOC_ARENA_MAX", "2"), Map.entry("LC_ALL", "C.UTF-8"));
    }

    @Test
    void restartsOnlyOnceAndNotWithAgentsInTheEnvironment() {
        assertThat(ProcessRestart.restartWanted(Map.of())).isTrue();
        assertThat(ProcessRestart.restartWanted(Map.of("PERFECTFRAME_RESTARTED", "1")))
                .isFalse();
        assertThat(ProcessRestart.restartWanted(Map.of("JAVA_TOOL_OPTIONS", "-Dx=y -Xmx1g")))
                .isTrue();
        assertThat(ProcessRestart.restartWanted(Map.of("JAVA_TOOL_OPTIONS", "-javaagent:/opt/apm.jar")))
                .isFalse();
    }

    @Test
    void debuggersAgentsRecordersAndArgumentFilesAreNotStartedTwice() {
        assertThat(ProcessRestart.restartable(List.of("java", "-Xmx1g", "-jar", "p.jar", "serve")))
                .isTrue();
        assertThat(ProcessRestart.restartable(
                        List.of("java", "-agentlib:jdwp=transport=dt_socket,suspend=y", "-jar", "p.jar")))
                .isFalse();
        assertThat(ProcessRestart.restartable(List.of("java", "-XX:StartFlightRecording", "-jar", "p.jar")))
                .isFalse();
        assertThat(ProcessRestart.restartable(List.of("java", "@/tmp/args.txt")))
                .isFalse();
    }

    @Test
    void trimmingIsSafeToCallAnyTime() {
        NativeMemory.trim();
        NativeMemory.trim();
        assertThat(NativeMemory.ARENAS).isEqualTo(2);
    }

    /** The real thing, in a fresh JVM: same process, arguments, standard streams and exit code after the restart. */
    @Test
    void theRestartedProcessIsTheSameProcessWithTheArenaLimit() throws Exception {
        assumeTrue(Glibc.LIBC != null, "restarting applies to glibc only");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // A non-ASCII argument only where the platform passes it to a child process as UTF-8.
        String folder = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")) ? "Vidéos" : "Videos";
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RestartProbe.class.getName(),
                "a b",
                folder,
                "");
        builder.environment().remove(NativeMemory.ARENA_VARIABLE);
        builder.environment().remove(ProcessRestart.RESTARTED_VARIABLE);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(7);
        assertThat(output)
                .contains("pid=" + process.pid())
                .contains("arenas=" + NativeMemory.ARENAS)
                .contains("args=a b|" + folder + "|")
                .contains("stdin=hello");
    }

    /**
     * Started without a locale (as cron or {@code env -i} start it) and with the arena limit set, so that only the
     * locale asks for the restart: the restarted process names files in UTF-8 and opens {@code café.txt}.
     */
    @Test
    void aProcessStartedWithoutALocaleNamesFilesInUtf8(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(Glibc.LIBC != null, "restarting applies to glibc only");
        java.nio.file.Files.write(dir.resolve("caf\u00e9.txt"), "bonjour".getBytes(StandardCharsets.UTF_8));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RestartProbe.class.getName(),
                dir.toString());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put(NativeMemory.ARENA_VARIABLE, "2");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output)
                .contains("pid=" + process.pid())
                .contains("encoding=UTF-8")
                .contains("café.txt=bonjour");
    }
}
