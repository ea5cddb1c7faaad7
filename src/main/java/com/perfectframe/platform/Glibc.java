package com.perfectframe.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The few glibc functions PerfectFrame calls, through JNA; {@link #LIBC} is null on other systems. */
final class Glibc {

    private static final Logger log = LoggerFactory.getLogger(Glibc.class);

    /** glibc, or null where the C library is another one (macOS, Windows, musl). */
    static final Functions LIBC = load();

    /** The functions used, as glibc declares them. */
    interface Functions extends Library {
        String gnu_get_libc_version();

        int malloc_trim(long pad);

        int setenv(String name, String value, int overwrite);

        int unsetenv(String name);

        int execv(String path, String[] argv);
    }

    private Glibc() {}

    private static Functions load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            Functions libc = Native.load("c", Functions.class);
            log.debug("glibc {}", libc.gnu_get_libc_version());
            return libc;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            log.debug("Not glibc: {}", e.toString());
            return null;
        }
    }
}
