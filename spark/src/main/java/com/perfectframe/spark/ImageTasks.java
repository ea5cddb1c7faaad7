package com.perfectframe.spark;

import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionSummary;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The executors' side of {@code top_images}: a task scores its share of the folder with the core's pipeline in a
 * scratch folder, keeping every image (as the command line would write it: same name, same format) in this attempt's
 * folder. Nothing is committed here: the driver takes the percentile over the whole folder's scores and commits the
 * images at or above it ({@link ArchiveJob}).
 */
final class ImageTasks implements FlatMapFunction<Iterator<List<InputFile>>, Row> {

    private final JobArguments arguments;
    private final String output;
    private final HadoopConf hadoop;

    ImageTasks(JobArguments arguments, String output, HadoopConf hadoop) {
        this.arguments = arguments;
        this.output = output;
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<List<InputFile>> shares) throws Exception {
        JobCommand command = arguments.parse();
        Configuration configuration = hadoop.configuration();
        TaskIdentity task = TaskIdentity.current();
        List<Row> rows = new ArrayList<>();
        try (ScratchFolder scratch = ScratchFolder.create()) {
            int count = 0;
            while (shares.hasNext()) {
                for (InputFile image : shares.next()) {
                    scratch.localize(image, configuration);
                    count++;
                }
            }
            if (count == 0) {
                return rows.iterator();
            }
            ExtractionSummary summary;
            try {
                summary = scratch.run(command);
            } catch (ExtractionException e) {
                rows.add(ResultRows.error(scratch.in().toString(), "job", e.getMessage(), task));
                return rows.iterator();
            }
            AttemptFolder attempt = new AttemptFolder(output, task.attempt(), configuration);
            Map<String, ManifestRow> scored = scratch.written();
            for (Map.Entry<String, ManifestRow> image : scored.entrySet()) {
                attempt.upload(scratch.out().resolve(image.getKey()), image.getKey());
                rows.add(ResultRows.scored(image.getValue(), task, attempt.uri()));
            }
            summary.problems().forEach(p -> rows.add(ResultRows.error(p.file(), p.stage(), p.error(), task)));
        }
        return rows.iterator();
    }
}
