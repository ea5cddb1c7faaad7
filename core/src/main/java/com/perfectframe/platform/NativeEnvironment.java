package com.perfectframe.platform;

/**
 * The environment as native libraries read it ({@code getenv}), which Java's own view ({@link System#getenv}) is a
 * copy of: a setting a library reads when it loads (TensorFlow's log level) can be given to it from here, before it
 * loads. glibc only; elsewhere nothing is set.
 */
public final class NativeEnvironment {

    private NativeEnvironment() {}

    /** Sets a variable unless it is set already (the user's value wins); false where it could not be set. */
    public static boolean setDefault(String name, String value) {
        return Glibc.LIBC != null && Glibc.LIBC.setenv(name, value, 0) == 0;
    }
}
