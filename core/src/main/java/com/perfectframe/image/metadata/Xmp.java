package com.perfectframe.image.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** XMP packets: the one PerfectFrame writes for a frame, and a photo's own with its orientation made upright. */
final class Xmp {

    /** PerfectFrame's own XMP namespace, for what no standard schema says: the frame's time in its video. */
    static final String NAMESPACE = "http://ns.perfectframe.app/xmp/1.0/";

    private static final Pattern ORIENTATION_ATTRIBUTE =
            Pattern.compile("(tiff:Orientation\\s*=\\s*[\"'])\\s*[2-8]\\s*([\"'])");
    private static final Pattern ORIENTATION_ELEMENT =
            Pattern.compile("(<tiff:Orientation>)\\s*[2-8]\\s*(</tiff:Orientation>)");

    private Xmp() {}

    /**
     * A packet with one description: the properties given as pairs of qualified name and value (null values left
     * out), with the namespaces {@code dc}, {@code xmp}, {@code exif} and PerfectFrame's declared.
     */
    static String packet(String... properties) {
        StringBuilder xml = new StringBuilder(512);
        xml.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("  <rdf:Description rdf:about=\"\"\n")
                .append("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
                .append("    xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"\n")
                .append("    xmlns:perfectframe=\"")
                .append(NAMESPACE)
                .append("\">\n");
        for (int i = 0; i + 1 < properties.length; i += 2) {
            if (properties[i + 1] != null) {
                xml.append("   <")
                        .append(properties[i])
                        .append('>')
                        .append(escape(properties[i + 1]))
                        .append("</")
                        .append(properties[i])
                        .append(">\n");
            }
        }
        return xml.append("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
                .toString();
    }

    /** The packet with any {@code tiff:Orientation} set to 1: the picture it goes with is written upright. */
    static String upright(String packet) {
        String once = replace(ORIENTATION_ATTRIBUTE.matcher(packet));
        return replace(ORIENTATION_ELEMENT.matcher(once));
    }

    private static final Pattern GPS_ATTRIBUTE = Pattern.compile("\\s+exif:GPS\\w+\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern GPS_ELEMENT =
            Pattern.compile("<exif:(GPS\\w+)(\\s[^>]*)?>.*?</exif:\\1>|<exif:GPS\\w+[^>]*/>", Pattern.DOTALL);

    /** The packet without any GPS property of the {@code exif} schema (latitude, longitude, altitude, time…). */
    static String withoutLocation(String packet) {
        return GPS_ELEMENT.matcher(GPS_ATTRIBUTE.matcher(packet).replaceAll("")).replaceAll("");
    }

    static boolean hasLocation(String packet) {
        return packet.contains("exif:GPS");
    }

    private static String replace(Matcher m) {
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "1" + r.group(2)));
    }

    /** Text as XML character data: markup characters escaped, characters XML 1.0 cannot hold dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
