package com.perfectframe.limits;

import java.math.BigDecimal;

/**
 * The values a numeric setting accepts. Each range is a constant on the record whose setting it bounds (for example
 * {@code ExtractionRequest.BATCH_SIZE}), which checks its values with it; front ends read the same constant to
 * validate and describe the setting (the REST body, its OpenAPI description, the web form), so a limit is written
 * once.
 *
 * @param key the setting's neutral key (snake_case), carried by the {@link InvalidSettingException} it throws
 * @param min least value
 * @param max greatest value; {@link Double#POSITIVE_INFINITY} when unbounded (a value must still be finite)
 * @param minExclusive whether {@code min} itself is refused
 * @param maxExclusive whether {@code max} itself is refused
 * @param wholeNumbers whether only whole numbers are accepted
 */
public record Range(
        String key, double min, double max, boolean minExclusive, boolean maxExclusive, boolean wholeNumbers) {

    public Range {
        if (key == null || key.isBlank() || !(min <= max)) {
            throw new IllegalArgumentException("invalid range " + key + ": " + min + ".." + max);
        }
    }

    /** Whole numbers from {@code min} to {@code max}, both included. */
    public static Range of(String key, int min, int max) {
        return new Range(key, min, max, false, false, true);
    }

    /** Whole numbers from {@code min} up. */
    public static Range from(String key, int min) {
        return new Range(key, min, Double.POSITIVE_INFINITY, false, false, true);
    }

    /** Numbers from {@code min} to {@code max}, both included. */
    public static Range between(String key, double min, double max) {
        return new Range(key, min, max, false, false, false);
    }

    /** Finite numbers from {@code min} up. */
    public static Range atLeast(String key, double min) {
        return new Range(key, min, Double.POSITIVE_INFINITY, false, false, false);
    }

    /** This range without its least value. */
    public Range excludingMin() {
        return new Range(key, min, max, true, maxExclusive, wholeNumbers);
    }

    /** This range without its greatest value. */
    public Range excludingMax() {
        return new Range(key, min, max, minExclusive, true, wholeNumbers);
    }

    /** Whether the range has a greatest value. */
    public boolean bounded() {
        return max != Double.POSITIVE_INFINITY;
    }

    public boolean accepts(double value) {
        return Double.isFinite(value)
                && (minExclusive ? value > min : value >= min)
                && (maxExclusive ? value < max : value <= max)
                && (!wholeNumbers || value == Math.rint(value));
    }

    /**
     * @return the value, accepted
     * @throws InvalidSettingException naming this range's setting when the value is out of range
     */
    public int check(int value) {
        if (!accepts(value)) {
            throw refused(String.valueOf(value));
        }
        return value;
    }

    /**
     * @return the value, accepted
     * @throws InvalidSettingException naming this range's setting when the value is out of range, NaN or infinite
     */
    public double check(double value) {
        if (!accepts(value)) {
            throw refused(String.valueOf(value));
        }
        return value;
    }

    private InvalidSettingException refused(String value) {
        return new InvalidSettingException(key, problem() + ", got " + value);
    }

    /** What a value must be, as the rest of a sentence naming the setting: "must be between 1 and 10000". */
    public String problem() {
        return "must be " + describe();
    }

    /** The accepted values in words: "between 1 and 10000", "more than 0 and less than 1", "0 or more". */
    public String describe() {
        String lower = minExclusive ? "more than " + text(min) : text(min) + " or more";
        if (!bounded()) {
            return lower;
        }
        if (!minExclusive && !maxExclusive) {
            return "between " + text(min) + " and " + text(max);
        }
        return lower + " and " + (maxExclusive ? "less than " + text(max) : text(max) + " or less");
    }

    /** The least value, exact, for descriptions such as OpenAPI's {@code minimum}. */
    public BigDecimal minimum() {
        return decimal(min);
    }

    /** The greatest value, exact; null when the range is unbounded. */
    public BigDecimal maximum() {
        return bounded() ? decimal(max) : null;
    }

    private static BigDecimal decimal(double value) {
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }

    private static String text(double value) {
        return decimal(value).toPlainString();
    }
}
