package com.perfectframe.logging;

/**
 * Text as one printable line: every control character escaped ({@code \n}, {@code \r}, {@code \t}, {@code \u0000}…),
 * and the invisible formatting characters too (a right-to-left override can make a name read backwards). A file
 * name holding a line break must not start a forged line in a log or on the terminal.
 */
public final class OneLine {

    private OneLine() {}

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case: nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (escaped(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean escaped(char c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }
}
