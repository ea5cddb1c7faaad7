package com.perfectframe.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Run in a fresh JVM by {@link NativeMemoryTests}: restarts, then reports what the restarted process sees. */
public final class RestartProbe {

    private RestartProbe() {}

    public static void main(String[] args) throws Exception {
        NativeMemory.restartWithArenaLimit();
        System.out.println("pid=" + ProcessHandle.current().pid());
        System.out.println("arenas=" + System.getenv(NativeMemory.ARENA_VARIABLE));
        System.out.println("args=" + String.join("|", args));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("stdin=" + in.readLine());
        System.exit(7);
    }
}
