package com.perfectframe.spark;

import com.perfectframe.options.FolderOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's folder options ({@link FolderOptions}: the same names, the original's included) as a Spark job
 * needs them: required, since a cluster has no working folder to default to, read as URIs of any Hadoop file system,
 * and also under the job's first names, {@code --input} and {@code --output}. Options keep their order in the help.
 */
final class RequiredFolders implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.forEach(spec::remove);
        for (OptionSpec option : options) {
            spec.addOption(
                    switch (option.longestName()) {
                        case FolderOptions.INPUT ->
                            required(
                                    option,
                                    "--input",
                                    "Folder with the inputs: a local path, file:, hdfs:, s3a:, gs:… (not searched "
                                            + "recursively).");
                        case FolderOptions.OUTPUT ->
                            required(
                                    option,
                                    "--output",
                                    "Folder for the pictures and the manifest tables (created if missing).");
                        default -> option;
                    });
        }
        return spec;
    }

    private static OptionSpec required(OptionSpec option, String jobName, String description) {
        List<String> names = new ArrayList<>(Arrays.asList(option.names()));
        names.add(jobName);
        return OptionSpec.builder(option)
                .names(names.toArray(String[]::new))
                .required(true)
                .paramLabel("URI")
                .description(description)
                .build();
    }
}
