package com.perfectframe.platform;

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
 * MALLOC_ARENA_MAX}, so on glibc the process restarts once with it set ({@link ProcessRestart}). A user who sets
 * {@code MALLOC_ARENA_MAX}, or chooses another allocator, keeps their choice. Other C libraries are left alone.
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

    /** Whether the environment leaves the allocator to us: no arena limit, no other allocator chosen. */
    static boolean arenaLimitWanted(Map<String, String> env) {
        if (env.containsKey(ARENA_VARIABLE)) {
            return false;
        }
        String preload = env.getOrDefault("LD_PRELOAD", "");
        if (preload.contains("jemalloc") || preload.contains("tcmalloc") || preload.contains("mimalloc")) {
            return false;
        }
        return !env.getOrDefault("GLIBC_TUNABLES", "").contains("arena_max");
    }
}
