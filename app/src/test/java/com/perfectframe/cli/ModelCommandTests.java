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
}
