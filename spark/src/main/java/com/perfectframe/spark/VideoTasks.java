package com.perfectframe.spark;

import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The executors' side of {@code best_frames} and {@code all_frames}: each video of the task is run through the core's
 * pipeline in a scratch folder, exactly as the command line runs it, then its pictures are uploaded to this attempt's
 * folder and committed under their final names ({@link AttemptFolder}). Returns a row per picture, one for the video
 * when it was fully processed, and one per problem.
 */
final class VideoTasks implements FlatMapFunction<Iterator<InputFile>, Row> {

    private final JobArguments arguments;
    private final String output;
    private final HadoopConf hadoop;
    private final AttemptHook hook;

    VideoTasks(JobArguments arguments, String output, HadoopConf hadoop, AttemptHook hook) {
        this.arguments = arguments;
        this.output = output;
        this.hadoop = hadoop;
        this.hook = hook;
    }

    @Override
    public Iterator<Row> call(Iterator<InputFile> inputs) throws Exception {
        JobCommand command = arguments.parse();
        Configuration configuration = hadoop.configuration();
        TaskIdentity task = TaskIdentity.current();
        List<Row> rows = new ArrayList<>();
        while (inputs.hasNext()) {
            rows.addAll(process(inputs.next(), command, configuration, task));
        }
        return rows.iterator();
    }

    private List<Row> process(InputFile video, JobCommand command, Configuration configuration, TaskIdentity task)
            throws Exception {
        List<Row> rows = new ArrayList<>();
        try (ScratchFolder scratch = ScratchFolder.create()) {
            scratch.localize(video, configuration);
            ExtractionSummary summary;
            try {
                summary = scratch.run(command);
            } catch (ExtractionException e) {
                rows.add(ResultRows.error(video.name(), "job", e.getMessage(), task));
                return rows;
            }
            AttemptFolder attempt = new AttemptFolder(output, task.attempt(), configuration);
            Map<String, ManifestRow> written = scratch.written();
            for (String name : written.keySet()) {
                attempt.upload(scratch.out().resolve(name), name);
            }
            Path samples = scratch.out().resolve("samples.csv");
            String samplesName = "samples/" + video.name() + ".csv";
            if (Files.exists(samples)) {
                attempt.upload(samples, samplesName);
            }
            hook.afterUpload(video, task);
            for (Map.Entry<String, ManifestRow> picture : written.entrySet()) {
                String committed = attempt.commit(picture.getKey());
                rows.add(ResultRows.picture(picture.getValue(), committed, task));
            }
            if (Files.exists(samples)) {
                attempt.commit(samplesName);
            }
            attempt.discard();
            summary.problems().forEach(p -> rows.add(ResultRows.error(video.name(), p.stage(), p.error(), task)));
            if (summary.filesProcessed() == 1) {
                rows.add(ResultRows.done(video.name(), task));
            }
        }
        return rows;
    }
}
