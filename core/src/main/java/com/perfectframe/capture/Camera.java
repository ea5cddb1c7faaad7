package com.perfectframe.capture;

/**
 * The device a picture was taken with, as its maker names it ({@code Apple}, {@code iPhone 13 Pro}).
 *
 * @param make the manufacturer, or null
 * @param model the model, or null
 */
public record Camera(String make, String model) {

    public Camera {
        make = blankToNull(make);
        model = blankToNull(model);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
