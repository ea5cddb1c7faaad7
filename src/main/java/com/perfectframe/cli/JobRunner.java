package com.perfectframe.cli;

import com.perfectframe.extract.ExtractionException;
import com.perfectframe.extract.ExtractionProgress;
import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractionSummary;
import com.perfectframe.extract.Extractor;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.Extractors;
import com.perfectframe.score.nima.NimaScoringModel;
import java.io.PrintStream;

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

    int run(ExtractorName name, ExtractionRequest request, JobOptions options, ScoringOptions scoring, String unit) {
        boolean terminal = System.console() != null && !options.noProgress;
        CliLogging.configure(terminal, options.verbose);
        Extractor extractor = new Extractors(
                        0,
                        Extractors.defaultWriterThreads(),
                        scoring.tuning(),
                        NimaScoringModel.provider(scoring.toNimaOptions()))
                .forRequest(name, request);
        ExtractionProgress progress = new ExtractionProgress();
        ExtractionSummary summary;
        try (ProgressBar bar = new ProgressBar(progress::snapshot, err, terminal, unit)) {
            summary = extractor.run(request, progress);
        } catch (ExtractionException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Error: interrupted.");
            return FAILED;
        }
        out.println(summary.describe(unit + "s"));
        if (summary.filesProcessed() == 0 && summary.filesFailed() > 0) {
            err.println("Error: no " + unit + " could be processed.");
            return FAILED;
        }
        return OK;
    }
}
