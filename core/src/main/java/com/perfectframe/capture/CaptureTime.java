package com.perfectframe.capture;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * When a picture was taken: the local date and time on the camera's clock, with its offset from UTC when the source
 * says it (an iPhone's {@code com.apple.quicktime.creationdate}, a UTC {@code creation_time}, EXIF's {@code
 * OffsetTimeOriginal}), without one when it does not (a photo's bare {@code DateTimeOriginal}). Never guessed.
 *
 * @param local the date and time on the camera's clock, to the nanosecond
 * @param offset its offset from UTC, or null when unknown
 */
public record CaptureTime(LocalDateTime local, ZoneOffset offset) {

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    /**
     * ISO 8601 as {@link OffsetDateTime#parse} reads it, the offset optional ({@link LocalDateTime#parse} then): one
     * pass, no exception for a time without offset (a manifest's rows are parsed at every re-index).
     */
    private static final DateTimeFormatter ISO_WITH_OPTIONAL_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .parseLenient()
            .appendOffsetId()
            .parseStrict()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    public CaptureTime {
        Objects.requireNonNull(local, "local");
    }

    /** A moment in UTC, written with offset +00:00 (not as if it were local time). */
    public static CaptureTime utc(Instant instant) {
        return new CaptureTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public static CaptureTime of(OffsetDateTime time) {
        return new CaptureTime(time.toLocalDateTime(), time.getOffset());
    }

    /** This time plus a span of the video, rounded to the microsecond. */
    public CaptureTime plusSeconds(double seconds) {
        long micros = Math.round(seconds * 1_000_000);
        return new CaptureTime(local.plusNanos(micros * 1000), offset);
    }

    /** The moment, when the offset is known. */
    public Instant instant() {
        return offset == null ? null : local.toInstant(offset);
    }

    /**
     * ISO 8601 to the millisecond: {@code 2023-06-01T14:31:30.250+02:00}, or {@code 2023-06-01T14:31:30.250}
     * without an offset.
     */
    public String iso() {
        return offset == null ? LOCAL.format(local) : WITH_OFFSET.format(local.atOffset(offset));
    }

    /**
     * Reads what {@link #iso()} wrote (or any ISO 8601 date-time with or without offset); null when the text is not
     * one.
     */
    public static CaptureTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            TemporalAccessor parsed =
                    ISO_WITH_OPTIONAL_OFFSET.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? of(withOffset)
                    : new CaptureTime((LocalDateTime) parsed, null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return iso();
    }
}
