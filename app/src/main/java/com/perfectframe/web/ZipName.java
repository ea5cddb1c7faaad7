package com.perfectframe.web;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a zip download, as RFC 6266 has it: the name in UTF-8 ({@code
 * filename*=UTF-8''…}, percent-encoded) for browsers, which all read it, and an ASCII {@code filename="…"} beside it
 * for older clients. A name of the folder {@code 日本} is thus {@code 日本-pictures.zip}, not a header Tomcat drops
 * for holding characters outside ISO-8859-1.
 */
final class ZipName {

    private ZipName() {}

    static String attachment(String name) {
        return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    /** Printable ASCII, with {@code _} for every other character and for quotes, backslashes and separators. */
    static String ascii(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && "\"\\/%;".indexOf(c) < 0 ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 5987's attr-char kept, every other byte of the UTF-8 name percent-encoded. */
    static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
