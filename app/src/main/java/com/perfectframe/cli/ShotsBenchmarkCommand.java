package com.perfectframe.cli;

import com.perfectframe.bench.ShotBenchmark;
import com.perfectframe.quality.ShotRules;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code benchmark shots}: the shot boundaries found in each video, for {@code bench/shots.sh}. */
@Command(
        name = "shots",
        mixinStandardHelpOptions = true,
        description = "Segment videos into shots as best frames does (one sample a second) and print each video's "
                + "boundaries, transition and flash samples (seconds) and the segmentation time per sample.")
final class ShotsBenchmarkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "VIDEO", arity = "1..*", description = "Videos to segment.")
    List<Path> videos;

    @Override
    public Integer call() throws Exception {
        ShotBenchmark benchmark = new ShotBenchmark(ShotRules.defaults());
        for (Path video : videos) {
            ShotBenchmark.print(benchmark.run(video), System.out);
        }
        return 0;
    }
}
