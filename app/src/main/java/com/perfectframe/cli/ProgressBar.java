package com.perfectframe.cli;

import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.logging.OneLine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Shows a running job's progress: a redrawn bar on a terminal, or a plain line every few seconds in a log.
 */
final class ProgressBar implements AutoCloseable {

    private static final int BAR_WIDTH = 24;

    private final Supplier<ExtractionProgress.Snapshot> progress;
    private final PrintStream out;
    private final boolean terminal;
    private final String unit;
    private final Thread thread;
    private volatile boolean running = true;

    ProgressBar(Supplier<ExtractionProgress.Snapshot> progress, PrintStream out, boolean terminal, String unit) {
        this.progress = progress;
        this.out = out;
        this.terminal = terminal;
        this.unit = unit;
        this.thread = new Thread(this::loop, "progress-bar");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        long interval = terminal ? 250 : 10_000;
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                draw(progress.get());
            }
        }
    }

    private synchronized void draw(ExtractionProgress.Snapshot s) {
        String line = OneLine.of(render(s, unit));
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** One line: bar, percentage, file counts, current file and its samples, pictures written, errors, ETA. */
    static String render(ExtractionProgress.Snapshot s, String unit) {
        int filled = (int) Math.round(s.fractionDone() * BAR_WIDTH);
        StringBuilder line = new StringBuilder();
        line.append('[')
                .append("#".repeat(filled))
                .append("-".repeat(BAR_WIDTH - filled))
                .append("] ");
        line.append(String.format(Locale.ROOT, "%3d%% ", Math.round(s.fractionDone() * 100)));
        line.append(unit)
                .append(' ')
                .append(Math.min(s.filesDone() + 1, Math.max(s.filesTotal(), 1)))
                .append('/')
                .append(s.filesTotal());
        if (s.currentFile() != null) {
            line.append(' ').append(shorten(s.currentFile(), 32));
            if (s.samplesTotal() > 0) {
                line.append(" samples ").append(s.samplesDone()).append('/').append(s.samplesTotal());
            }
        }
        line.append(" | written ").append(s.picturesWritten());
        if (!s.errors().isEmpty()) {
            line.append(" | errors ").append(s.errors().size());
        }
        line.append(" | ").append(eta(s));
        return line.toString();
    }

    static String eta(ExtractionProgress.Snapshot s) {
        double fraction = s.fractionDone();
        if (fraction <= 0.01 || s.elapsed().toMillis() < 1000) {
            return "ETA --:--";
        }
        long remaining = Math.round(s.elapsed().toMillis() * (1 - fraction) / fraction / 1000);
        return "ETA " + clock(Duration.ofSeconds(remaining));
    }

    static String clock(Duration d) {
        long seconds = d.getSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private static String shorten(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            synchronized (this) {
                draw(progress.get());
                out.println();
            }
        }
    }
}
