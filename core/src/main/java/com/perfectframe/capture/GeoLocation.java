package com.perfectframe.capture;

/**
 * Where a picture was taken, on the WGS 84 datum as phones record it.
 *
 * @param latitude degrees north (negative south), -90 to 90
 * @param longitude degrees east (negative west), -180 to 180
 * @param altitude metres above sea level (negative below), or null when not recorded
 */
public record GeoLocation(double latitude, double longitude, Double altitude) {

    public GeoLocation {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a place on Earth: " + latitude + ", " + longitude);
        }
        if (altitude != null && !Double.isFinite(altitude)) {
            altitude = null;
        }
    }
}
