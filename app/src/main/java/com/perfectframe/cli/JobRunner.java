package com.perfectframe.cli;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.logging.OneLine;
import com.perfectframe.options.PipelineOptions;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs one job in this process for a command: progress while it runs, a one-line summary when it ends, and the
 * exit code the shell sees.
 */
final class JobRunner {

    static final int OK = 0;
    static final int FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;

    JobRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @param request builds the job's request; an invalid option value is reported naming the option */
    int run(
            ExtractorName name,
            Supplier<ExtractionRequest> request,
            JobOptions options,
            PipelineOptions pipeline,
            String unit) {
        options.launcher.notes().forEach(err::println);
        ExtractionRequest job;
        PipelineSettings settings;
        try {
            job = request.get();
            settings = pipeline.settings();
        } catch (IllegalArgumentException e) {
            err.println("Error: " + OneLine.of(e.getMessage()));
            return FAILED;
        }
        boolean terminal = System.console() != null && !options.noProgress;
        CliLogging.configure(terminal, options.verbose);
        ExtractionProgress progress = new ExtractionProgress();
        ExtractionSummary summary;
        Cancellation cancellation = new Cancellation();
        try (StopSignals signals = StopSignals.install(cancellation)) {
            try (ExtractorFactory factory = new ExtractorFactory(settings);
                    ProgressBar bar = new ProgressBar(progress::snapshot, err, terminal, unit)) {
                summary = factory.forRequest(name, job).run(job, progress, cancellation);
            } catch (CancelledException e) {
                if (signals.received() == null) {
                    throw e;
                }
                ExtractionProgress.Snapshot done = progress.snapshot();
                err.println("Stopped by " + signals.received() + ": " + done.filesDone() + " of " + done.filesTotal()
                        + " " + unit + "s done, " + done.picturesWritten() + " pictures written; the " + unit
                        + " in progress was left as it was (not renamed), and no half-written file remains.");
                return signals.exitCode();
            }
        } catch (ExtractionException e) {
            err.println("Error: " + OneLine.of(e.getMessage()));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Error: interrupted.");
            return FAILED;
        }
        out.println(OneLine.of(summary.describe(unit + "s")));
        if (summary.filesProcessed() == 0 && summary.filesFailed() > 0) {
            err.println("Error: no " + unit + " could be processed.");
            return FAILED;
        }
        return OK;
    }
}
