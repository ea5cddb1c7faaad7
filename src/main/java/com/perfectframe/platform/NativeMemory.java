package com.perfectframe.platform;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the native heap from growing with the number of videos and jobs.
 *
 * <p>FFmpeg's decoders, the pipeline's stages and TensorFlow allocate on threads that come and go with each video
 * and job. glibc gives threads allocation arenas of their own, up to eight per core, and keeps in each the memory
 * freed there; measured, a service grew by about 25 MB per job (130 MB over five jobs) and 90 clips of 10 s peaked
 * 27% above one 900-s video. Two arenas, and freed pages given back after each video and job, remove both
 * (service: +17 MB over five jobs; clips against one video: 0.98×), at the same speed.
 *
 * <p>The number of arenas can only be set before the Java runtime starts its own threads, through {@code
 * MALLOC_ARENA_MAX}, so on glibc {@link #restartWithArenaLimit} re-executes the process once with it set (same
 * process id, same terminal; nothing has run yet). A user who sets {@code MALLOC_ARENA_MAX} keeps their value and
 * no restart happens. Other C libraries are left alone.
 */
public final class NativeMemory {

    /** Arenas the process uses: enough for its few allocating threads not to wait on each other. */
    public static final int ARENAS = 2;

    static final String ARENA_VARIABLE = "MALLOC_ARENA_MAX";

    private NativeMemory() {}

    /** Gives the pages of freed native memory back to the system (after a video, after a job). */
    public static void trim() {
        if (Glibc.LIBC != null) {
            Glibc.LIBC.malloc_trim(0);
        }
    }

    /**
     * On glibc, when {@code MALLOC_ARENA_MAX} is not set, replaces this process with the same command line (read from
     * {@code /proc/self/cmdline}, so options, {@code -jar} and arguments are exactly the user's) and {@code
     * MALLOC_ARENA_MAX=2}; returns only when it does not (other systems, the variable set, or the exec failed, which
     * is harmless). Call it first thing in {@code main}: it costs about a tenth of a second.
     */
    public static void restartWithArenaLimit() {
        if (Glibc.LIBC == null || System.getenv(ARENA_VARIABLE) != null) {
            return;
        }
        Optional<String> java = ProcessHandle.current().info().command();
        List<String> argv = commandLine();
        if (java.isEmpty() || argv.isEmpty()) {
            return;
        }
        Glibc.LIBC.setenv(ARENA_VARIABLE, Integer.toString(ARENAS), 1);
        Glibc.LIBC.execv(java.get(), argv.toArray(String[]::new));
        // Still here: the exec failed; the process goes on with glibc's default arenas.
    }

    /** This process's command line, or an empty list when it cannot be read. */
    private static List<String> commandLine() {
        try {
            return arguments(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The arguments of a {@code /proc/PID/cmdline}: NUL-terminated strings, in the platform's encoding. */
    static List<String> arguments(byte[] cmdline) {
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                argv.add(new String(cmdline, start, i - start, Charset.defaultCharset()));
                start = i + 1;
            }
        }
        return argv;
    }
}
