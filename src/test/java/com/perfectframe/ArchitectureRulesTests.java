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

    private static final Path SOURCES = Path.of("src/main/java/com/perfectframe");
    private static final Path CLASSES = Path.of("target/classes");

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static List<String> importsMatching(List<Path> files, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("import ") && forbidden.matcher(line).find()) {
                    found.add(SOURCES.relativize(file) + ": " + line);
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
        List<Path> files;
        try (Stream<Path> all = Files.walk(SOURCES)) {
            files = all.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(SOURCES.resolve("bench")))
                    .filter(f -> !f.getFileName().toString().endsWith("BenchmarkCommand.java"))
                    .toList();
        }
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
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("com/perfectframe"))) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(classFiles).isNotEmpty();
        for (Path file : classFiles) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
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
