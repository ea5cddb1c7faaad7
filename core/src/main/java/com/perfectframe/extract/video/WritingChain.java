package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.WRITE;

import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.Stage;
import com.perfectframe.video.VideoSample;
import java.util.function.Supplier;

/** Frames extraction's chain: every sample goes straight from the decoder to writing, unscored. */
final class WritingChain<S extends VideoSample> implements StageChain<S> {

    private final Stage<Candidate<S>> write;

    WritingChain(
            Supplier<? extends VideoPipeline.WriteStep<S>> writers,
            int writerThreads,
            JobState job,
            ExtractionProgress progress) {
        write = new Stage<>(
                WRITE,
                writerThreads,
                2 * writerThreads,
                1,
                () -> new WriteWorker<>(writers.get(), job, progress, true),
                job::isStopped,
                job.unexpected(WRITE));
    }

    @Override
    public void planned(VideoRun<S> run, int samples) {}

    @Override
    public boolean admit(VideoRun<S> run, S sample) {
        return true; // every sample is written, in whatever order parallel decoders deliver them
    }

    @Override
    public void pass(Candidate<S> candidate) throws InterruptedException {
        write.submit(candidate);
    }

    @Override
    public void decodingEnded(VideoRun<S> run) {
        run.selectionFinished(true); // nothing selects: whatever was decoded is what the video gives
        run.selectionEnded();
    }

    @Override
    public boolean terminated() {
        return write.terminated();
    }

    @Override
    public void close() {
        write.close();
    }
}
