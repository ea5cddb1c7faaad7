package com.perfectframe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code benchmark}: speed measurements printed side by side with their references. */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = "Measure speed: 'nima' (model throughput, GFLOP/s, matmul peak, bfloat16) or 'best_frames' "
                + "(pipeline stages alone and overlapped) or 'shots' (shot boundaries found in videos).",
        subcommands = {NimaBenchmarkCommand.class, BestFramesBenchmarkCommand.class, ShotsBenchmarkCommand.class})
final class BenchmarkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
