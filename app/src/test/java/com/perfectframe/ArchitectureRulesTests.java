package com.perfectframe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the design relies on, checked on the sources and classes: the pipeline's packages stay free of Spring, the
 * command line and the layers above them; the picture measures depend on OpenCV alone; nothing depends on the
 * benchmarks; no class keeps mutable static state.
 */
class ArchitectureRulesTests {

    /** The application's sources and the core's; tests run in the repository's root. */
    private static final List<Path> SOURCE_ROOTS =
            List.of(Path.of("app/src/main/java/com/perfectframe"), Path.of("core/src/main/java/com/perfectframe"));

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
        for (String pkg : List.of("extract", "video", "image", "score")) {
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
    void thePlatformPackageIsALeaf() throws IOException {
        Pattern project = Pattern.compile("import (static )?com\\.perfectframe\\.(?!platform\\.)");
        assertThat(importsMatching(sources("platform"), project)).isEmpty();
    }

    @Test
    void theQualityPackageIsALeafOnOpenCv() throws IOException {
        Pattern other =
                Pattern.compile("import (static )?+(?!(java\\.|org\\.bytedeco\\.|com\\.perfectframe\\.quality\\.))");
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
        List<String> found = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        for (Path root : CLASS_ROOTS) {
            try (Stream<Path> files = Files.walk(root.resolve("com/perfectframe"))) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f ->
                                root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .forEach(classNames::add);
            }
        }
        assertThat(classNames)
                .contains("com.perfectframe.PerfectFrameApplication", "com.perfectframe.extract.video.VideoPipeline");
        for (String name : classNames) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || field.isSynthetic()) {
                    continue;
                }
                if (!Modifier.isFinal(modifiers) || ThreadLocal.class.isAssignableFrom(field.getType())) {
                    found.add(name + "." + field.getName());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
