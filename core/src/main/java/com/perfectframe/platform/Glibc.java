package com.perfectframe.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few glibc functions PerfectFrame calls, through JNA; {@link #LIBC} is null on other systems. Nothing here logs:
 * it runs before the process restarts itself, where starting the logging framework would only cost time.
 */
final class Glibc {

    /** glibc, or null where the C library is another one (macOS, Windows, musl). */
    static final Functions LIBC = load();

    /** The functions used, as glibc declares them. */
    interface Functions extends Library {
        String gnu_get_libc_version();

        int malloc_trim(long pad);

        int setenv(String name, String value, int overwrite);

        /** {@code argv}: a NULL-terminated array of C strings, e.g. a {@link com.sun.jna.StringArray}. */
        int execv(String path, Pointer argv);
    }

    private Glibc() {}

    private static Functions load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            Functions libc = Native.load("c", Functions.class);
            libc.gnu_get_libc_version(); // only glibc has it
            return libc;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
