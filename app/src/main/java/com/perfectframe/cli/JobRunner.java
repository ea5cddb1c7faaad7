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
import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.logging.OneLine;
import com.perfectframe.options.ModelOptions;
import com.perfectframe.options.OptionNames;
import com.perfectframe.options.PipelineOptions;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.NimaScoringModel;
import java.io.PrintStream;
import java.util.function.Supplier;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one job in this process for a command: progress while it runs, a one-line summary when it ends, and the
 * exit code the shell sees.
 */
final class JobRunner {

    static final int OK = 0;
    static final int FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;
    private final CommandSpec command;

    /** @param command the command being run, to name a refused option as its user typed it */
    JobRunner(PrintStream out, PrintStream err, CommandSpec command) {
        this.out = out;
        this.err = err;
        this.command = command;
    }

    /**
     * @param request builds the job's request; a value out of its option's range is a usage mistake (exit 2),
     *     reported in one line naming the option
     */
    int run(
            ExtractorName name,
            Supplier<ExtractionRequest> request,
            JobOptions options,
            PipelineOptions pipeline,
            ModelOptions model,
            String unit) {
        options.launcher.notes().forEach(err::println);
        ExtractionRequest job;
        PipelineSettings settings;
        NimaOptions nima;
        try {
            job = request.get();
            settings = pipeline.settings();
            nima = model.options();
        } catch (InvalidSettingException e) {
            err.println("Error: " + OptionNames.describe(e, command) + ".");
            return ExitCode.USAGE;
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
            try (ExtractorFactory factory = ExtractorFactory.loading(settings, () -> NimaScoringModel.open(nima));
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
