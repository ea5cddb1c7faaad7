package com.perfectframe.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.ExtractionRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The job takes the command line's folder options under all their names, the original's {@code --input_dir} and
 * {@code --output_dir} included, besides its own {@code --input} and {@code --output}; it requires both folders.
 */
class JobCommandTests {

    private static JobCommand parse(String command, String... arguments) {
        return new JobArguments(command, List.of(arguments)).parse();
    }

    @Test
    void everyNameOfTheFoldersIsAccepted() {
        List<List<String>> spellings = List.of(
                List.of("--input_dir", "hdfs:///archive", "--output_dir", "s3a://frames/2026"),
                List.of("--input_directory", "hdfs:///archive", "--output_directory", "s3a://frames/2026"),
                List.of("--input-directory=hdfs:///archive", "--output-directory=s3a://frames/2026"),
                List.of("--input_dir=hdfs:///archive", "-o", "s3a://frames/2026"),
                List.of("-i", "hdfs:///archive", "--output", "s3a://frames/2026"),
                List.of("--input", "hdfs:///archive", "--output", "s3a://frames/2026"));
        for (String job : List.of("best_frames", "all_frames", "top_images")) {
            for (List<String> arguments : spellings) {
                JobCommand command = parse(job, arguments.toArray(String[]::new));
                assertThat(command.input()).as(job + " " + arguments).isEqualTo("hdfs:///archive");
                assertThat(command.output()).as(job + " " + arguments).isEqualTo("s3a://frames/2026");
            }
        }
    }

    @Test
    void theFoldersAreRequired() {
        assertThatThrownBy(() -> parse("best_frames", "--input_dir", "hdfs:///archive"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing required option: '--output_directory=URI'");
        assertThatThrownBy(() -> parse("top_images", "-o", "out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing required option: '--input_directory=URI'");
    }

    @Test
    void aFolderNamedTwiceUnderTwoNamesIsRefused() {
        assertThatThrownBy(() -> parse("best_frames", "--input_dir", "a", "--input", "b", "-o", "out"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option '--input_directory' (URI) should be specified only once");
    }

    @Test
    void theHelpListsEveryNameAndKeepsTheFoldersFirst() {
        String help = new CommandLine(new JobCommand.BestFrames()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help)
                .as("required: not in brackets in the synopsis")
                .containsPattern("\\s-i=URI\\s")
                .containsPattern("\\s-o=URI\\s")
                .contains("-i, --input, --input_dir, --input_directory, --input-directory=URI")
                .contains("-o, --output, --output_dir, --output_directory, --output-directory=URI")
                .contains("hdfs:")
                .doesNotContain("default: input_directory");
        // The option list's lines (indented by at most 6), not the synopsis's (indented under "Usage: best_frames").
        List<String> options = help.lines()
                .filter(line -> line.matches(" {1,6}-.*"))
                .map(String::strip)
                .map(line -> line.split("[ ,=]")[0])
                .toList();
        assertThat(options).startsWith("-i", "-o", "-r", "--format", "--strip_location");
    }

    @Test
    void aValueOutOfRangeIsAUsageMistakeNamingTheOptionAsTyped() {
        assertThat(refusal("best_frames", "--group-size", "0"))
                .isEqualTo("Error: --group-size must be between 1 and 10000, got 0.");
        assertThat(refusal("best_frames", "--compering_group_size=10001"))
                .isEqualTo("Error: --compering_group_size must be between 1 and 10000, got 10001.");
        assertThat(refusal("top_images", "--images-per-task", "0"))
                .isEqualTo("Error: --images-per-task must be 1 or more, got 0.");
        assertThat(refusal("all_frames", "--frame_budget_mb=0"))
                .isEqualTo("Error: --frame_budget_mb must be between 1 and 65536, got 0.");
        assertThat(refusal("best_frames", "--per_shot", "--shot-drift", "1.5"))
                .isEqualTo("Error: --shot-drift must be more than 0 and 1 or less, got 1.5.");
    }

    /** The executors build the request from the same options as the command line: one picture per shot too. */
    @Test
    void theShotOptionsReachTheRequest() {
        ExtractionRequest.Curation curation = parse(
                        "best_frames", "-i", "hdfs:///in", "-o", "hdfs:///out", "--per-shot", "--shot_drift", "0.4")
                .request(Path.of("in"), Path.of("out"))
                .bestFrames()
                .curation();
        assertThat(curation.perShot()).isTrue();
        assertThat(curation.shotDrift()).isEqualTo(0.4);
        assertThat(parse("best_frames", "-i", "hdfs:///in", "-o", "hdfs:///out")
                        .request(Path.of("in"), Path.of("out"))
                        .bestFrames()
                        .curation()
                        .shotDrift())
                .isEqualTo(ExtractionRequest.Curation.DEFAULT_SHOT_DRIFT);
    }

    /** What the job says on stderr, before any Spark session, for a job refused as a usage mistake (exit 2). */
    private static String refusal(String job, String... options) {
        List<String> arguments = new java.util.ArrayList<>(List.of(job, "-i", "hdfs:///in", "-o", "hdfs:///out"));
        arguments.addAll(List.of(options));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new SparkExtractJob()).execute(arguments.toArray(String[]::new));
            assertThat(code).as(String.join(" ", arguments)).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        return err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    }
}
