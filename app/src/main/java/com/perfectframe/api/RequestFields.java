package com.perfectframe.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.perfectframe.access.Excerpt;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the body's fields accept, read from {@link ExtractorRequestBody}'s declarations for error messages. */
final class RequestFields {

    private RequestFields() {}

    /**
     * The message for a value of the wrong type in {@code field}: for a whole-number field, the range it takes
     * (so that {@code 2.5} or {@code 1e12} is told what is expected, not "not valid JSON").
     */
    static String wrongValue(String field) {
        Optional<Field> declared = declared(field);
        if (declared.isPresent() && wholeNumbers(declared.get())) {
            Field f = declared.get();
            Min min = f.getAnnotation(Min.class);
            Max max = f.getAnnotation(Max.class);
            String list = List.class.equals(f.getType()) ? "hold whole numbers" : "be a whole number";
            if (field.equals("target_image_size")) {
                return "Field 'target_image_size' must be [224, 224]: the NIMA model's input size.";
            }
            return "Field '" + field + "' must " + list + " between " + (min == null ? Integer.MIN_VALUE : min.value())
                    + " and " + (max == null ? Integer.MAX_VALUE : max.value()) + ".";
        }
        return "Field '" + Excerpt.of(field) + "' has a value of the wrong type.";
    }

    private static boolean wholeNumbers(Field f) {
        if (f.getType().equals(Integer.class) || f.getType().equals(int.class)) {
            return true;
        }
        return f.getGenericType() instanceof ParameterizedType p
                && Arrays.asList(p.getActualTypeArguments()).contains(Integer.class);
    }

    private static Optional<Field> declared(String field) {
        for (Field f : ExtractorRequestBody.class.getDeclaredFields()) {
            JsonProperty property = f.getAnnotation(JsonProperty.class);
            JsonAlias alias = f.getAnnotation(JsonAlias.class);
            if (property != null && property.value().equals(field)
                    || alias != null && Arrays.asList(alias.value()).contains(field)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
