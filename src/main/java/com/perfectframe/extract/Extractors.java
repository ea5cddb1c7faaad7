package com.perfectframe.extract;

import com.perfectframe.video.FrameSampler;

/**
 * Picks the extractor that does what a request asks: frames extraction, best frames, or top images.
 *
 * <p>Built once per process with the shared pieces (sampler, thread counts); cheap to call per job.
 */
public final class Extractors {

    private final int decoderThreads;
    private final int writerThreads;

    public Extractors(int decoderThreads, int writerThreads) {
        this.decoderThreads = decoderThreads;
        this.writerThreads = writerThreads;
    }

    /** Writer threads: enough to keep JPEG encoding off the critical path on small machines. */
    public static int defaultWriterThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The extractor for a job.
     *
     * @throws ExtractionException when the job needs something this build or machine cannot provide
     */
    public Extractor forRequest(ExtractorName name, ExtractionRequest request) throws ExtractionException {
        if (name == ExtractorName.BEST_FRAMES && request.allFrames()) {
            return new FramesExtractor(new FrameSampler(decoderThreads), writerThreads);
        }
        throw new ExtractionException("Scoring is not available yet: " + name.id()
                + " needs the NIMA scorer, which this build does not include. Frames extraction works: "
                + "best_frames_extractor --all_frames.");
    }
}
