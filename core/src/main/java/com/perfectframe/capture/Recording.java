package com.perfectframe.capture;

import java.util.Objects;

/**
 * What a video's container says about its recording, read once per video: when it started, where, and with what.
 * Each frame's capture time is the start plus the frame's time in the video.
 *
 * @param start when the recording started, or null when the container does not say (never the extraction time)
 * @param startSource the metadata key the start was read from ({@code com.apple.quicktime.creationdate}, {@code
 *     creation_time}), or null
 * @param location where, or null
 * @param camera with what (never null; its make and model are null when the video does not say)
 */
public record Recording(CaptureTime start, String startSource, GeoLocation location, Camera camera) {

    /** A recording its container says nothing about. */
    public static final Recording UNKNOWN = new Recording(null, null, null, new Camera(null, null));

    public Recording {
        Objects.requireNonNull(camera, "camera");
        if (start == null) {
            startSource = null;
        }
    }

    /** The same without its location, for pictures shared without saying where they were taken. */
    public Recording withoutLocation() {
        return location == null ? this : new Recording(start, startSource, null, camera);
    }

    /** When the frame at {@code seconds} into the video was filmed, or null when the start is unknown. */
    public CaptureTime frameTime(double seconds) {
        return start == null ? null : start.plusSeconds(seconds);
    }
}
