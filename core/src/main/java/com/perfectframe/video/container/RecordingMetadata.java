package com.perfectframe.video.container;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import com.perfectframe.capture.Camera;
import com.perfectframe.capture.CaptureTime;
import com.perfectframe.capture.GeoLocation;
import com.perfectframe.capture.Recording;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/**
 * What a video's container says about its recording ({@link Recording}), read from FFmpeg's metadata dictionaries of
 * the container and of the video stream: keys as phones and cameras write them, best first.
 *
 * <ul>
 *   <li>Start: QuickTime's {@code com.apple.quicktime.creationdate} (the camera's local time with its offset, as
 *       iPhones write it), else {@code creation_time} (UTC, as Android and most muxers write it; kept at offset
 *       +00:00), else a {@code creationdate} without an offset (local time, offset unknown). A {@code creation_time}
 *       at an epoch (1904 or 1970: the field left at zero) is no date.
 *   <li>Location: {@code com.apple.quicktime.location.ISO6709}, {@code location}, {@code location-eng} (ISO 6709).
 *   <li>Camera: {@code com.apple.quicktime.make}/{@code model}, {@code com.android.manufacturer}/{@code model}, the
 *       container's {@code make}/{@code model}.
 * </ul>
 */
public final class RecordingMetadata {

    static final String QUICKTIME_CREATIONDATE = "com.apple.quicktime.creationdate";
    static final String CREATION_TIME = "creation_time";

    private static final List<String> LOCATION_KEYS =
            List.of("com.apple.quicktime.location.iso6709", "location", "location-eng");
    private static final List<String> MAKE_KEYS =
            List.of("com.apple.quicktime.make", "com.android.manufacturer", "make");
    private static final List<String> MODEL_KEYS = List.of("com.apple.quicktime.model", "com.android.model", "model");

    /** {@code 2023-06-01T14:30:00+0200}, {@code …+02:00}, {@code …Z}, with optional fractions; T or a space. */
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    /** Earliest start taken for a real date: 1904 and 1970 are the epochs of a zeroed field. */
    private static final Instant EARLIEST = Instant.parse("1971-01-01T00:00:00Z");

    private RecordingMetadata() {}

    /** What the opened video's container and video stream say. */
    public static Recording read(VideoInput input) {
        Map<String, String> tags = entries(input.stream().metadata());
        tags.putAll(entries(input.formatContext().metadata())); // the container's word wins over the stream's
        return of(tags);
    }

    /** The recording described by metadata keys (lower case) and values. */
    static Recording of(Map<String, String> tags) {
        CaptureTime start = null;
        String source = null;
        String creationDate = tags.get(QUICKTIME_CREATIONDATE);
        OffsetDateTime local = offsetDateTime(creationDate);
        Instant utc = instant(tags.get(CREATION_TIME));
        if (local != null) {
            start = CaptureTime.of(local);
            source = QUICKTIME_CREATIONDATE;
        } else if (utc != null) {
            start = CaptureTime.utc(utc);
            source = CREATION_TIME;
        } else {
            LocalDateTime bare = localDateTime(creationDate);
            if (bare != null) {
                start = new CaptureTime(bare, null);
                source = QUICKTIME_CREATIONDATE;
            }
        }
        GeoLocation location = null;
        for (String key : LOCATION_KEYS) {
            location = Iso6709.parse(tags.get(key));
            if (location != null) {
                break;
            }
        }
        Camera camera = new Camera(first(tags, MAKE_KEYS), first(tags, MODEL_KEYS));
        return new Recording(start, source, location, camera);
    }

    private static String first(Map<String, String> tags, List<String> keys) {
        for (String key : keys) {
            String value = tags.get(key);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static OffsetDateTime offsetDateTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text.trim(), OFFSET_DATE_TIME);
            return time.toInstant().isBefore(EARLIEST) ? null : time;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime localDateTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.parse(text.trim(), OFFSET_DATE_TIME);
            return time.getYear() < 1971 ? null : time;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A UTC time ({@code 2023-06-01T12:30:00.000000Z}); a time without an offset is taken as UTC, as FFmpeg means. */
    private static Instant instant(String text) {
        OffsetDateTime time = offsetDateTime(text);
        if (time != null) {
            return time.toInstant();
        }
        LocalDateTime bare = localDateTime(text);
        return bare == null ? null : bare.toInstant(java.time.ZoneOffset.UTC);
    }

    /** A dictionary's entries with lower-case keys (FFmpeg matches keys without case). */
    private static Map<String, String> entries(AVDictionary dictionary) {
        Map<String, String> entries = new HashMap<>();
        if (dictionary == null || dictionary.isNull()) {
            return entries;
        }
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
            if (entry.key() != null && entry.value() != null) {
                entries.putIfAbsent(
                        entry.key().getString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                        entry.value().getString(StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
