package com.perfectframe.cli;

import com.perfectframe.extract.ExtractorName;
import com.perfectframe.options.ModelOptions;
import com.perfectframe.options.PipelineOptions;
import com.perfectframe.options.TopImagesOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code top_images_extractor}: the best-scoring photos of a folder. */
@Command(
        name = "top_images_extractor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Scores every image in the input folder and copies those at or above the given percentile "
                + "of all the folder's scores to the output folder.")
final class TopImagesCommand implements Callable<Integer> {

    @Mixin
    JobOptions job = new JobOptions();

    @Mixin
    TopImagesOptions options = new TopImagesOptions();

    @Mixin
    PipelineOptions pipeline = new PipelineOptions();

    @Mixin
    ModelOptions model = new ModelOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new JobRunner(System.out, System.err, spec)
                .run(
                        ExtractorName.TOP_IMAGES,
                        () -> options.applyTo(job.request()).build(),
                        job,
                        pipeline,
                        model,
                        "image");
    }
}
