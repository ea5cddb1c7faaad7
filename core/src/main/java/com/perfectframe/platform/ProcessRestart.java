package com.perfectframe.platform;

import com.sun.jna.StringArray;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Restarts the process once, first thing, with settings that only take effect when a process starts: on glibc, the
 * allocator's arena limit ({@link NativeMemory}) and a UTF-8 locale when the process was given none.
 *
 * <p>Locale: Java names files with the character set of the C library's locale ({@code sun.jnu.encoding}, which
 * cannot be set otherwise). A process started without {@code LANG} (cron, {@code env -i}, a bare container, a
 * systemd unit) gets the POSIX locale, ASCII, and then cannot open {@code café.mp4}: a name it lists cannot be
 * written back as a path. The restart sets {@code LC_ALL=C.UTF-8} in that case only; a user's own locale, UTF-8 or
 * another 8-bit set such as Latin-1 (in which every name is text), is kept.
 *
 * <p>The restart re-executes {@code /proc/self/exe} with the exact bytes of {@code /proc/self/cmdline} (same
 * process id, terminal, standard streams and exit code; nothing has run yet). It is skipped when nothing is wanted,
 * when it ran once already (a marker variable), or when re-running the command line would not run the same program
 * the same way: a debugger, agent or flight recorder would start twice, an argument file could be gone, an old kernel
 * may have cut the command line.
 */
public final class ProcessRestart {

    /** Set before the restart, so that a restarted process never restarts again. */
    static final String RESTARTED_VARIABLE = "PERFECTFRAME_RESTARTED";

    static final String LOCALE_VARIABLE = "LC_ALL";

    /** Built into glibc since 2.35, and shipped by Debian, Ubuntu, Fedora and RHEL before that. */
    static final String UTF8_LOCALE = "C.UTF-8";

    /** What Java calls the POSIX locale's ASCII, and its other names. */
    private static final Set<String> ASCII = Set.of("ANSI_X3.4-1968", "US-ASCII", "ASCII", "646");

    /** Options the Java runtime reads from the environment: the restarted runtime reads them again. */
    private static final List<String> OPTION_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** One character per byte and back: arguments reach the kernel exactly as they came. */
    private static final Charset BYTES = StandardCharsets.ISO_8859_1;

    private ProcessRestart() {}

    /**
     * On glibc, replaces this process with the same command line and the settings it lacks; returns only when it does
     * not, which is always harmless. Call it first thing in {@code main}; it costs about a tenth of a second.
     */
    public static void once() {
        if (Glibc.LIBC == null) {
            return;
        }
        Map<String, String> env = System.getenv();
        Map<String, String> settings = wanted(env, System.getProperty("sun.jnu.encoding", ""));
        if (settings.isEmpty() || !restartWanted(env)) {
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
        if (Glibc.LIBC.setenv(RESTARTED_VARIABLE, "1", 1) != 0) {
            return;
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (Glibc.LIBC.setenv(setting.getKey(), setting.getValue(), 1) != 0) {
                return;
            }
        }
        // The kernel's own link to this Java runtime, and the arguments as the exact bytes they were given in.
        Glibc.LIBC.execv("/proc/self/exe", new StringArray(argv.toArray(String[]::new), BYTES.name()));
        // Still here: the exec failed; the process goes on as it is.
    }

    /** The environment variables a restart would set, given the environment and the file-name encoding. */
    static Map<String, String> wanted(Map<String, String> env, String fileNameEncoding) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (NativeMemory.arenaLimitWanted(env)) {
            settings.put(NativeMemory.ARENA_VARIABLE, Integer.toString(NativeMemory.ARENAS));
        }
        if (ASCII.contains(fileNameEncoding)) {
            settings.put(LOCALE_VARIABLE, UTF8_LOCALE);
        }
        return settings;
    }

    /** Whether we did not restart already, and no option in the environment would start twice. */
    static boolean restartWanted(Map<String, String> env) {
        return !env.containsKey(RESTARTED_VARIABLE)
                && OPTION_VARIABLES.stream()
                        .map(v -> env.getOrDefault(v, ""))
                        .noneMatch(ProcessRestart::startsTwiceBadly);
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
