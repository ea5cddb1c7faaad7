package com.perfectframe.api;

import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.job.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Body of {@code GET /}: the original tool's {@code active_extractor}, plus the running job's progress, the last
 * finished job's outcome, and what the service warns about itself (empty when nothing: e.g. reachable from other
 * machines without a token).
 */
record StatusResponse(String activeExtractor, Job job, Job lastJob, List<String> warnings) {

    /** One job in snake_case JSON. */
    record Job(
            String extractor,
            String state,
            Instant startedAt,
            Instant finishedAt,
            double elapsedSeconds,
            String currentFile,
            int filesDone,
            int filesTotal,
            int samplesDone,
            int samplesTotal,
            long totalSamples,
            long picturesWritten,
            double percent,
            List<ExtractionProgress.FileProblem> errors,
            List<ExtractionProgress.FileNote> notes,
            String summary,
            String error) {

        static Job of(JobStatus status) {
            if (status == null) {
                return null;
            }
            ExtractionProgress.Snapshot p = status.progress();
            double percent =
                    status.state() == JobStatus.State.SUCCEEDED ? 100.0 : Math.round(p.fractionDone() * 1000) / 10.0;
            return new Job(
                    status.extractor().id(),
                    status.state().name().toLowerCase(Locale.ROOT),
                    status.startedAt(),
                    status.finishedAt(),
                    p.elapsed().toMillis() / 1000.0,
                    p.currentFile(),
                    p.filesDone(),
                    p.filesTotal(),
                    p.samplesDone(),
                    p.samplesTotal(),
                    p.totalSamplesDone(),
                    p.picturesWritten(),
                    percent,
                    p.errors().stream()
                            .map(e -> new ExtractionProgress.FileProblem(
                                    e.file(), e.stage(), withoutBuildPaths(e.error())))
                            .toList(),
                    p.notes().stream()
                            .map(n -> new ExtractionProgress.FileNote(n.file(), withoutBuildPaths(n.note())))
                            .toList(),
                    status.summary() == null
                            ? null
                            : withoutBuildPaths(status.summary().describe("files")),
                    withoutBuildPaths(status.error()));
        }
    }

    /**
     * Native libraries' messages name the source file where their build machine compiled them (OpenCV's {@code
     * /home/runner/work/javacpp-presets/…/modules/imgcodecs/src/loadsave.cpp:1120}, TensorFlow's and FFmpeg's
     * likewise): a client learns nothing from them but how the service was built. Such a path keeps only its file
     * name and line.
     */
    private static final Pattern SOURCE_PATH = Pattern.compile(
            "(?:[A-Za-z]:)?(?:[/\\\\][^\\s/\\\\:'\"()]+)+[/\\\\]([^\\s/\\\\:'\"()]+\\.(?:c|cc|cpp|cxx|h|hpp|hxx|inl|cu))\\b");

    static String withoutBuildPaths(String message) {
        return message == null ? null : SOURCE_PATH.matcher(message).replaceAll("$1");
    }
}
