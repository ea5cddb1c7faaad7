package com.perfectframe.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Run in a fresh JVM by {@link ProcessRestartTests}: restarts, then reports what the restarted process sees. */
public final class RestartProbe {

    private RestartProbe() {}

    public static void main(String[] args) throws Exception {
        ProcessRestart.once();
        System.out.println("pid=" + ProcessHandle.current().pid());
        System.out.println("encoding=" + System.getProperty("sun.jnu.encoding"));
        if (args.length == 1 && java.nio.file.Files.isDirectory(java.nio.file.Path.of(args[0]))) {
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(args[0]))) {
                for (var file : files.toList()) {
                    System.out.println(file.getFileName() + "="
                            + java.nio.file.Files.readString(java.nio.file.Path.of(file.toString())));
                }
            }
        }
        System.out.println("arenas=" + System.getenv(NativeMemory.ARENA_VARIABLE));
        System.out.println("args=" + String.join("|", args));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("stdin=" + in.readLine());
        System.exit(7);
    }
}
