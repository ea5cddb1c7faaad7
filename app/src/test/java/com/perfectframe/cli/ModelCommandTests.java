package com.perfectframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelCommandTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ModelCommand.withUserErrors(new CommandLine(new ModelCommand()));
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void infoPrintsParametersInputAndFlopsFromTheGraph() {
        assertThat(run("info")).isZero();
        assertThat(out.toString()).contains("54,352,106").contains("224x224x3").contains("12.93 GFLOPs");
    }

    @Test
    void convertNamesAMissingWeightsFileOnOneLine() {
        Path missing = dir.resolve("nope.h5");
        assertThat(run("convert", "--weights", missing.toString(), "--models_dir", dir.toString()))
                .isEqualTo(1);
        assertThat(err.toString().strip())
                .contains(missing.toString())
                .doesNotContain("\n")
                .doesNotContain("at com.");
    }

    @Test
    void trustRecordsTheWeightsAsTheyAreNowAndSaysWhatItReplaced() throws Exception {
        Path weights = java.nio.file.Files.writeString(dir.resolve("weights.h5"), "first");
        assertThat(run("trust", "--models_dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("Trusted " + weights).contains("no hash was recorded before");
        java.nio.file.Files.writeString(weights, "second");
        assertThat(run("trust", "--weights", weights.toString(), "--models_dir", dir.toString()))
                .isZero();
        assertThat(out.toString())
                // SHA-256 of "second", replacing that of "first".
                .contains("SHA-256 16367aacb67a4a017c8da8ab95682ccb390863780f7114dda0a0e0c55644c7c4")
                .contains("was a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e");
        assertThat(dir.resolve("trusted-weights.sha256"))
                .hasContent("16367aacb67a4a017c8da8ab95682ccb390863780f7114dda0a0e0c55644c7c4  weights.h5");
    }
}
