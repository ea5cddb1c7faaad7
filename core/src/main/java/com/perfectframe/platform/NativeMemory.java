package com.perfectframe.platform;

import com.sun.jna.StringArray;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * process id, terminal, standard streams and exit code; nothing has run yet). A user who sets {@code
 * MALLOC_ARENA_MAX} keeps their value and no restart happens. Other C libraries are left alone.
 */
public final class NativeMemory {

    /** Arenas the process uses: enough for its few allocating threads not to wait on each other. */
    public static final int ARENAS = 2;

    static final String ARENA_VARIABLE = "MALLOC_ARENA_MAX";

    /** Set before the restart, so that a restarted process never restarts again. */
    static final String RESTARTED_VARIABLE = "PERFECTFRAME_RESTARTED";

    /** Options the Java runtime reads from the environment: the restarted runtime reads them again. */
    private static final List<String> OPTION_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** One character per byte and back: arguments reach the kernel exactly as they came. */
    private static final Charset BYTES = StandardCharsets.ISO_8859_1;

    private NativeMemory() {}

    /** Gives the pages of freed native memory back to the system (after a video, after a job). */
    public static void trim() {
        if (Glibc.LIBC != null) {
            Glibc.LIBC.malloc_trim(0);
        }
    }

    /**
     * On glibc, replaces this process with the same command line and {@code MALLOC_ARENA_MAX=2}; returns only when
     * it does not, which is always harmless. It does not when the arena limit or another allocator is chosen
     * already, when it ran once (a marker variable), or when re-running the command line would not run the same
     * program the same way: a debugger, agent or flight recorder would start twice, an argument file could be gone,
     * an old kernel may have cut the command line. Call it first thing in {@code main}; it costs about a tenth of a
     * second.
     */
    public static void restartWithArenaLimit() {
        if (Glibc.LIBC == null || !restartWanted(System.getenv())) {
            return;
        }
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return;
        }
        List<String> argv = arguments(cmdline);
        if (argv.isEmpty() || !restartable(argv)) {
            return;
        }
        if (Glibc.LIBC.setenv(RESTARTED_VARIABLE, "1", 1) != 0
                || Glibc.LIBC.setenv(ARENA_VARIABLE, Integer.toString(ARENAS), 1) != 0) {
            return;
        }
        // The kernel's own link to this Java runtime, and the arguments as the exact bytes they were given in.
        Glibc.LIBC.execv("/proc/self/exe", new StringArray(argv.toArray(String[]::new), BYTES.name()));
        // Still here: the exec failed; the process goes on with glibc's default arenas.
    }

    /** Whether the environment leaves the allocator to us, and we did not restart already. */
    static boolean restartWanted(Map<String, String> env) {
        if (env.containsKey(ARENA_VARIABLE) || env.containsKey(RESTARTED_VARIABLE)) {
            return false;
        }
        String preload = env.getOrDefault("LD_PRELOAD", "");
        if (preload.contains("jemalloc") || preload.contains("tcmalloc") || preload.contains("mimalloc")) {
            return false;
        }
        if (env.getOrDefault("GLIBC_TUNABLES", "").contains("arena_max")) {
            return false;
        }
        return OPTION_VARIABLES.stream().map(v -> env.getOrDefault(v, "")).noneMatch(NativeMemory::startsTwiceBadly);
    }

    /** Whether running these arguments again runs the same program the same way. */
    static boolean restartable(List<String> argv) {
        return argv.stream().skip(1).noneMatch(a -> a.startsWith("@") || startsTwiceBadly(a));
    }

    /** Options that must not take effect twice: debuggers, agents, the flight recorder. */
    private static boolean startsTwiceBadly(String options) {
        return options.contains("-agentlib")
                || options.contains("-agentpath")
                || options.contains("-javaagent")
                || options.contains("-Xrunjdwp")
                || options.contains("-Xdebug")
                || options.contains("FlightRecord");
    }

    /**
     * The arguments of a {@code /proc/PID/cmdline}, NUL-terminated strings, each byte kept as one character (so that
     * they go back to the kernel unchanged); empty when the last one is not terminated (cut by an old kernel).
     */
    static List<String> arguments(byte[] cmdline) {
        if (cmdline.length == 0 || cmdline[cmdline.length - 1] != 0) {
            return List.of();
        }
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                argv.add(new String(cmdline, start, i - start, BYTES));
                start = i + 1;
            }
        }
        return argv;
    }
}
