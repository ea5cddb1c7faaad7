package com.perfectframe.access;

import com.perfectframe.logging.OneLine;

/**
 * A client's value as an error message may quote it: at most {@value #MAX} characters, control characters escaped
 * ({@code \n}, {@code \u0000}), so that an error never echoes a whole body back nor breaks a log line or a page.
 */
public final class Excerpt {

    public static final int MAX = 60;

    private Excerpt() {}

    /** The excerpt of a value (without quotes), or {@code "null"} for null. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        boolean cut = text.length() > MAX;
        return escape(cut ? text.substring(0, MAX) : text) + (cut ? "… (" + text.length() + " characters)" : "");
    }

    /** A whole message (ours, possibly quoting values): control characters escaped, at most {@code max} characters. */
    public static String message(String text, int max) {
        if (text == null) {
            return null;
        }
        String escaped = escape(text);
        return escaped.length() > max ? escaped.substring(0, max) + "…" : escaped;
    }

    private static String escape(String text) {
        return OneLine.of(text);
    }

    /** Whether a value holds a control character (NUL, line breaks, …), which no folder name or prefix may. */
    public static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c));
    }
}
