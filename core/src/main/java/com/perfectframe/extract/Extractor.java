package com.perfectframe.extract;

import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;

/** One kind of job. Runs on the calling thread and reports progress as it goes. */
public interface Extractor {

    /**
     * Runs the job to the end. Inputs that cannot be read are reported in the progress and the summary; the job
     * only fails when it cannot run at all or cannot go on (no inputs, unwritable output folder, missing model).
     *
     * @throws com.perfectframe.extract.run.CancelledException when {@code cancellation} was used
     */
    ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress, Cancellation cancellation)
            throws ExtractionException, InterruptedException;
}
