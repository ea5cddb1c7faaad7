package com.perfectframe.video.container;

import com.perfectframe.capture.GeoLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ISO 6709 point as phones store it in video containers ({@code +48.8584+002.2945+035.000/}): latitude,
 * longitude and an optional altitude, each signed, in decimal degrees ({@code ±DD.D±DDD.D}), degrees and minutes
 * ({@code ±DDMM.M±DDDMM.M}) or degrees, minutes and seconds ({@code ±DDMMSS.S±DDDMMSS.S}); a trailing coordinate
 * reference system ({@code CRSWGS_84}) and the closing slash are ignored.
 */
final class Iso6709 {

    private static final Pattern POINT = Pattern.compile(
            "^([+-])(\\d{2,6})(\\.\\d+)?([+-])(\\d{3,7})(\\.\\d+)?(?:([+-])(\\d+(?:\\.\\d+)?))?(?:CRS[^/]*)?/?$");

    private Iso6709() {}

    /** The point, or null when the text is not one (or not on Earth). */
    static GeoLocation parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = POINT.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        Double latitude = degrees(m.group(1), m.group(2), m.group(3), 2);
        Double longitude = degrees(m.group(4), m.group(5), m.group(6), 3);
        if (latitude == null || longitude == null) {
            return null;
        }
        Double altitude = m.group(7) == null ? null : Double.parseDouble(m.group(7) + m.group(8));
        try {
            return new GeoLocation(latitude, longitude, altitude);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Degrees from {@code DD}, {@code DDMM} or {@code DDMMSS} (with {@code degreeDigits} digits of degrees). */
    private static Double degrees(String sign, String digits, String fraction, int degreeDigits) {
        String frac = fraction == null ? "" : fraction;
        double value;
        int extra = digits.length() - degreeDigits;
        if (extra == 0) {
            value = Double.parseDouble(digits + frac);
        } else if (extra == 2) {
            double minutes = Double.parseDouble(digits.substring(degreeDigits) + frac);
            if (minutes >= 60) {
                return null;
            }
            value = Integer.parseInt(digits.substring(0, degreeDigits)) + minutes / 60;
        } else if (extra == 4) {
            int minutes = Integer.parseInt(digits.substring(degreeDigits, degreeDigits + 2));
            double seconds = Double.parseDouble(digits.substring(degreeDigits + 2) + frac);
            if (minutes >= 60 || seconds >= 60) {
                return null;
            }
            value = Integer.parseInt(digits.substring(0, degreeDigits)) + minutes / 60.0 + seconds / 3600;
        } else {
            return null;
        }
        return "-".equals(sign) ? -value : value;
    }
}
