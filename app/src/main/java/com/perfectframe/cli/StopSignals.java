package com.perfectframe.cli;

import com.perfectframe.extract.run.Cancellation;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a graceful stop of the job in progress: the job is cancelled through the
 * pipeline's hook (the picture in flight is finished or discarded, no temporary file stays, the video in progress is
 * not renamed), and the command then exits with the shell's code for the signal (130, 143) after saying what was
 * done. A second signal stops at once, as usual.
 */
final class StopSignals implements AutoCloseable {

    private record Installed(Signal signal, SignalHandler previous) {}

    private final List<Installed> installed = new ArrayList<>();
    private volatile String received;

    private StopSignals() {}

    /** Installs the handlers for the duration of one job; signals the platform does not know are left alone. */
    static StopSignals install(Cancellation cancellation) {
        StopSignals signals = new StopSignals();
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, s -> signals.stop(s, cancellation));
                signals.installed.add(new Installed(signal, previous));
            } catch (IllegalArgumentException e) {
                // Not on this platform (or reserved by the JVM): the default behaviour stays.
            }
        }
        return signals;
    }

    private void stop(Signal signal, Cancellation cancellation) {
        received = "SIG" + signal.getName();
        // The next signal of either kind ends the process at once.
        restore();
        cancellation.cancel();
    }

    /** The signal that stopped the job, e.g. "SIGINT", or null. */
    String received() {
        return received;
    }

    /** The exit code shells use for a process ended by the signal received: 128 + its number. */
    int exitCode() {
        return "SIGINT".equals(received) ? 130 : 143;
    }

    private synchronized void restore() {
        for (Installed i : installed) {
            try {
                Signal.handle(i.signal(), i.previous());
            } catch (IllegalArgumentException e) {
                // Already gone.
            }
        }
        installed.clear();
    }

    @Override
    public void close() {
        restore();
    }
}
