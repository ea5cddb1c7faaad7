package com.perfectframe.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.perfectframe.access.Excerpt;
import com.perfectframe.limits.Range;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the body's fields accept, for error messages: their types from {@link ExtractorRequestBody}. */
final class RequestFields {

    private RequestFields() {}

    /**
     * The message for a value of the wrong type in {@code field}: for a whole-number field, the range it takes
     * (so that {@code 2.5} or {@code 1e12} is told what is expected, not "not valid JSON").
     */
    static String wrongValue(String field) {
        Optional<Field> declared = declared(field);
        if (declared.isPresent() && wholeNumbers(declared.get())) {
            if (field.equals("target_image_size")) {
                return "Field 'target_image_size' must be [224, 224]: the NIMA model's input size.";
            }
            String list = List.class.equals(declared.get().getType()) ? "hold whole numbers" : "be a whole number";
            return "Field '" + field + "' must " + list + " "
                    + RequestLimits.of(field)
                            .map(Range::describe)
                            .orElse("between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE)
                    + ".";
        }
        return "Field '" + Excerpt.of(field) + "' has a value of the wrong type.";
    }

    private static boolean wholeNumbers(Field component) {
        if (component.getType().equals(Integer.class)) {
            return true;
        }
        return component.getGenericType() instanceof ParameterizedType p
                && Arrays.asList(p.getActualTypeArguments()).contains(Integer.class);
    }

    private static Optional<Field> declared(String field) {
        return Arrays.stream(ExtractorRequestBody.class.getDeclaredFields())
                .filter(f -> f.getAnnotation(JsonProperty.class) != null
                        && f.getAnnotation(JsonProperty.class).value().equals(field))
                .findFirst();
    }
}
