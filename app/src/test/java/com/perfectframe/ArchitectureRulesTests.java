package com.perfectframe;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.StaticState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the design relies on, checked on the sources and classes of every module: the pipeline's packages stay free
 * of Spring, the command line and the layers above them; the Spark job depends on the core alone; no two packages
 * depend on each other, directly or round a loop; the picture measures depend on OpenCV (and the limits) alone; the extractors and
 * their settings do not depend on NIMA; nothing depends on the benchmarks; no class keeps mutable static state (the
 * Spark module's classes are checked by its own test).
 */
class ArchitectureRulesTests {

    /** Every module's sources; tests run in the repository's root. */
    private static final List<Path> SOURCE_ROOTS = List.of(
            Path.of("app/src/main/java/com/perfectframe"),
            Path.of("core/src/main/java/com/perfectframe"),
            Path.of("spark/src/main/java/com/perfectframe"));

    private static final List<Path> CLASS_ROOTS =
            List.of(Path.of("app/target/classes"), Path.of("core/target/classes"));

    private static List<Path> sources(String pkg) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            if (Files.isDirectory(root.resolve(pkg))) {
                try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(found::add);
                }
            }
        }
        assertThat(found).as("sources of " + pkg).isNotEmpty();
        return found;
    }

    private static List<Path> allSources() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(found::add);
            }
        }
        return found;
    }

    private static List<String> importsMatching(List<Path> files, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("import ") && forbidden.matcher(line).find()) {
                    found.add(file + ": " + line);
                }
            }
        }
        return found;
    }

    @Test
    void thePipelinePackagesDependOnNeitherSpringNorTheCommandLineNorTheLayersAbove() throws IOException {
        Pattern forbidden = Pattern.compile(
                "import (static )?(org\\.springframework|picocli|jakarta\\.servlet|com\\.perfectframe\\.(cli|api|job"
                        + "|config|web|bench)\\.)");
        for (String pkg : List.of("extract", "video", "image", "score", "capture")) {
            assertThat(importsMatching(sources(pkg), forbidden)).as(pkg).isEmpty();
        }
    }

    @Test
    void theFrontEndsShareTheAccessRulesAndNotEachOther() throws IOException {
        Pattern frontEnds = Pattern.compile("import (static )?com\\.perfectframe\\.(api|web)\\.");
        assertThat(importsMatching(sources("access"), frontEnds)).isEmpty();
        assertThat(importsMatching(sources("web"), Pattern.compile("import (static )?com\\.perfectframe\\.api\\.")))
                .isEmpty();
        assertThat(importsMatching(sources("api"), Pattern.compile("import (static )?com\\.perfectframe\\.web\\.")))
                .isEmpty();
    }

    @Test
    void theSparkJobDependsOnTheCoreAlone() throws IOException {
        Pattern forbidden = Pattern.compile(
                "import (static )?(org\\.springframework|com\\.perfectframe\\.(cli|api|job|config|web|bench)\\.)");
        assertThat(importsMatching(sources("spark"), forbidden)).isEmpty();
    }

    @Test
    void noTwoPackagesDependOnEachOther() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        Pattern packageLine = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
        Pattern importLine = Pattern.compile(
                "^import (?:static )?((?:com\\.perfectframe\\.)(?:[a-z]\\w*\\.)*)[A-Z]", Pattern.MULTILINE);
        for (Path file : allSources()) {
            String text = Files.readString(file);
            Matcher declared = packageLine.matcher(text);
            assertThat(declared.find()).as(file.toString()).isTrue();
            String pkg = declared.group(1);
            Matcher imported = importLine.matcher(text);
            while (imported.find()) {
                String other = imported.group(1).substring(0, imported.group(1).length() - 1);
                if (!other.equals(pkg)) {
                    uses.computeIfAbsent(pkg, p -> new TreeSet<>()).add(other);
                }
            }
        }
        assertThat(uses).as("the package graph was read").containsKey("com.perfectframe.extract.video");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            // Packages reachable from start; start among them means a loop through it.
            Set<String> reached = new TreeSet<>();
            Deque<String> next = new ArrayDeque<>(uses.get(start));
            while (!next.isEmpty()) {
                String p = next.pop();
                if (reached.add(p)) {
                    next.addAll(uses.getOrDefault(p, Set.of()));
                }
            }
            if (reached.contains(start)) {
                cycles.add(start + " depends on itself through " + uses.get(start));
            }
        }
        assertThat(cycles).isEmpty();
    }

    @Test
    void thePlatformPackageIsALeaf() throws IOException {
        Pattern project = Pattern.compile("import (static )?com\\.perfectframe\\.(?!platform\\.)");
        assertThat(importsMatching(sources("platform"), project)).isEmpty();
    }

    @Test
    void theCapturePackageIsALeafOfPlainValues() throws IOException {
        Pattern other = Pattern.compile("import (static )?+(?!(java\\.|com\\.perfectframe\\.capture\\.))");
        assertThat(importsMatching(sources("capture"), other)).isEmpty();
    }

    @Test
    void pictureMetadataDependsOnlyOnCaptureValues() throws IOException {
        Pattern project = Pattern.compile("import (static )?com\\.perfectframe\\.(?!(capture|image\\.metadata)\\.)");
        assertThat(importsMatching(sources("image/metadata"), project)).isEmpty();
    }

    @Test
    void theLimitsPackageIsALeafOnTheJdk() throws IOException {
        Pattern other = Pattern.compile("import (static )?+(?!(java\\.|com\\.perfectframe\\.limits\\.))");
        assertThat(importsMatching(sources("limits"), other)).isEmpty();
    }

    /** The pipeline and its settings work with any scoring model: NIMA's options travel beside them. */
    @Test
    void theExtractorsAndTheirSettingsDoNotDependOnNima() throws IOException {
        Pattern nima = Pattern.compile("import (static )?com\\.perfectframe\\.score\\.nima\\.");
        assertThat(importsMatching(sources("extract"), nima)).isEmpty();
    }

    /** The picture measures and shot segmentation need OpenCV, and the ranges of their thresholds. */
    @Test
    void theQualityPackageIsALeafOnOpenCv() throws IOException {
        Pattern other = Pattern.compile(
                "import (static )?+(?!(java\\.|org\\.bytedeco\\.|com\\.perfectframe\\.(quality|limits)\\.))");
        assertThat(importsMatching(sources("quality"), other)).isEmpty();
    }

    @Test
    void onlyTheBenchmarkCommandDependsOnTheBenchmarks() throws IOException {
        Pattern bench = Pattern.compile("import com\\.perfectframe\\.bench\\.");
        List<Path> files = allSources().stream()
                .filter(f -> !f.toString().contains("/com/perfectframe/bench/"))
                .filter(f -> !f.getFileName().toString().endsWith("BenchmarkCommand.java"))
                .toList();
        assertThat(importsMatching(files, bench)).isEmpty();
    }

    @Test
    void theConverterDoesNotDependOnTheRunTimeScorer() throws IOException {
        Pattern runtime = Pattern.compile("import com\\.perfectframe\\.score\\.nima\\.[A-Z]");
        assertThat(importsMatching(sources("score/nima/convert"), runtime)).isEmpty();
    }

    @Test
    void noClassKeepsMutableStaticState() throws Exception {
        List<String> classNames = new ArrayList<>();
        for (Path root : CLASS_ROOTS) {
            classNames.addAll(StaticState.classNames(root));
        }
        assertThat(classNames)
                .contains("com.perfectframe.PerfectFrameApplication", "com.perfectframe.extract.video.VideoPipeline");
        assertThat(StaticState.mutableStaticFields(classNames, getClass().getClassLoader()))
                .isEmpty();
    }
}
