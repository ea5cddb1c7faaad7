package com.perfectframe.extract;

/** One kind of job. Runs on the calling thread and reports progress as it goes. */
public interface Extractor {

    /**
     * Runs the job to the end. Inputs that cannot be read are reported in the progress and the summary; the job
     * only fails when it cannot run at all (no inputs, unwritable output folder, missing model).
     */
    ExtractionSummary run(ExtractionRequest request, ExtractionProgress progress)
            throws ExtractionException, InterruptedException;
}
