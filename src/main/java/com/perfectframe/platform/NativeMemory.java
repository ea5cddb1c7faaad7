package com.perfectframe.platform;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(NativeMemory.class);

    /** Arenas the process uses: enough for its few allocating threads not to wait on each other. */
    public static final int ARENAS = 2;

    static final String ARENA_VARIABLE = "MALLOC_ARENA_MAX";

    /** Variables whose options the runtime already applied: passed again, they would apply twice. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private NativeMemory() {}

    /** Gives the pages of freed native memory back to the system (after a video, after a job). */
    public static void trim() {
        if (Glibc.LIBC != null) {
            Glibc.LIBC.malloc_trim(0);
        }
    }

    /**
     * On glibc, when {@code MALLOC_ARENA_MAX} is not set, replaces this process with the same Java command and
     * {@code MALLOC_ARENA_MAX=2}; returns only when it does not (other systems, the variable set, or the exec
     * failed, which is logged and harmless). Call it first thing in {@code main}.
     */
    public static void restartWithArenaLimit(Class<?> mainClass, String[] args) {
        if (Glibc.LIBC == null || System.getenv(ARENA_VARIABLE) != null) {
            return;
        }
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty()) {
            return;
        }
        List<String> argv = command(
                java.get(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"),
                mainClass.getName(),
                args);
        Glibc.LIBC.setenv(ARENA_VARIABLE, Integer.toString(ARENAS), 1);
        OPTION_VARIABLES.forEach(Glibc.LIBC::unsetenv);
        Glibc.LIBC.execv(argv.get(0), argv.toArray(String[]::new));
        log.debug("Could not restart with {}={}; going on without", ARENA_VARIABLE, ARENAS);
    }

    /** The command that starts the same program the same way: runtime, its options, class path, class, arguments. */
    static List<String> command(
            String java, List<String> runtimeOptions, String classPath, String mainClass, String[] args) {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(runtimeOptions);
        argv.add("-cp");
        argv.add(classPath);
        argv.add(mainClass);
        argv.addAll(List.of(args));
        return argv;
    }
}
