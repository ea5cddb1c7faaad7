package com.perfectframe.bench;

import com.perfectframe.quality.PictureMeasurer;
import com.perfectframe.quality.PictureMeasures;
import com.perfectframe.quality.ShotRules;
import com.perfectframe.quality.ShotSegmenter;
import com.perfectframe.video.FrameSampler;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.picture.BgrConverter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Shot segmentation on real videos, for {@code bench/shots.sh}: each video is sampled and measured as best frames
 * does it, segmented by {@link ShotSegmenter}, and printed as one line of boundaries (seconds) with the samples'
 * roles and the time segmentation took per sample.
 */
public final class ShotBenchmark {

    private final ShotRules rules;

    public ShotBenchmark(ShotRules rules) {
        this.rules = rules;
    }

    /** One video's result. */
    public record Result(
            Path video,
            int samples,
            List<Double> boundaries,
            List<Double> transitions,
            List<Double> flashes,
            double segmentMillisPerSample) {}

    public Result run(Path video) throws Exception {
        TreeMap<Integer, Double> seconds = new TreeMap<>();
        List<PictureMeasures> measures = new ArrayList<>();
        try (BgrConverter converter = new BgrConverter();
                PictureMeasurer measurer = new PictureMeasurer()) {
            new FrameSampler(0).sample(video, frame -> {
                try (SampledFrame f = frame;
                        Mat bgr = converter.toBgr(f.frame(), f.orientation())) {
                    seconds.put(f.ordinal(), f.seconds());
                    while (measures.size() < f.ordinal()) {
                        measures.add(null);
                    }
                    measures.add(measurer.measure(bgr));
                }
            });
        }
        ShotSegmenter segmenter = new ShotSegmenter(rules);
        List<ShotSegmenter.ShotMark> marks = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < measures.size(); i++) {
            marks.addAll(measures.get(i) == null ? segmenter.skip(i) : segmenter.add(i, measures.get(i)));
        }
        marks.addAll(segmenter.finish());
        double millis = (System.nanoTime() - start) / 1e6 / Math.max(1, measures.size());
        List<Double> boundaries = new ArrayList<>();
        List<Double> transitions = new ArrayList<>();
        List<Double> flashes = new ArrayList<>();
        int shot = 0;
        double lastPlain = 0;
        for (ShotSegmenter.ShotMark mark : marks) {
            double t = seconds.get(mark.ordinal());
            switch (mark.role()) {
                case TRANSITION -> transitions.add(t);
                case FLASH -> flashes.add(t);
                case SHOT -> {
                    if (mark.shot() != shot) {
                        boundaries.add((lastPlain + t) / 2);
                        shot = mark.shot();
                    }
                    lastPlain = t;
                }
            }
        }
        return new Result(video, measures.size(), boundaries, transitions, flashes, millis);
    }

    public static void print(Result r, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "shots %s samples=%d boundaries=%s transitions=%s flashes=%s segment_ms_per_sample=%.4f%n",
                r.video().getFileName(),
                r.samples(),
                list(r.boundaries()),
                list(r.transitions()),
                list(r.flashes()),
                r.segmentMillisPerSample());
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(","));
    }
}
