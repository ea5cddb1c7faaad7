package com.perfectframe.testing;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds state that every job of a process would share: static fields that are not final, and static {@code
 * ThreadLocal}s. Each module's architecture test runs it over its own compiled classes.
 */
public final class StaticState {

    private StaticState() {}

    /** The names of the classes compiled under {@code classRoot}'s {@code com/perfectframe}. */
    public static List<String> classNames(Path classRoot) throws IOException {
        try (Stream<Path> files = Files.walk(classRoot.resolve("com/perfectframe"))) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f ->
                            classRoot.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }
    }

    /** {@code Class.field} for each mutable static field of the named classes. */
    public static List<String> mutableStaticFields(List<String> classNames, ClassLoader loader)
            throws ClassNotFoundException {
        List<String> found = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type = Class.forName(name, false, loader);
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
        return found;
    }
}
