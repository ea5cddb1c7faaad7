package com.perfectframe.video.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.perfectframe.capture.GeoLocation;
import com.perfectframe.capture.Recording;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which container tags a recording's start, place and camera come from, best first; ISO 6709 in its forms. */
class RecordingMetadataTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+48.8584+002.2945+035.000/ | 48.8584 | 2.2945 | 35.0",
                "-33.8568+151.2153/ | -33.8568 | 151.2153 |",
                "+4851.504+00217.670/ | 48.8584 | 2.29450 |",
                "+485130.24+0021740.2-012.5CRSWGS_84/ | 48.8584 | 2.2945 | -12.5",
                "+90-180/ | 90 | -180 |",
                "-00.0001+000.0001+0/ | -0.0001 | 0.0001 | 0",
            })
    void readsIso6709PointsInDegreesMinutesAndSeconds(String text, double lat, double lon, Double altitude) {
        GeoLocation point = Iso6709.parse(text);
        assertThat(point.latitude()).isCloseTo(lat, within(1e-4));
        assertThat(point.longitude()).isCloseTo(lon, within(1e-4));
        if (altitude == null) {
            assertThat(point.altitude()).isNull();
        } else {
            assertThat(point.altitude()).isCloseTo(altitude, within(1e-6));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "48.85 2.29", "+91.0+000.0/", "+00.0+181.0/", "+4870.0+00200.0/", "garbage"})
    void refusesWhatIsNotAPointOnEarth(String text) {
        assertThat(Iso6709.parse(text)).isNull();
    }

    @Test
    void theQuickTimeLocalTimeWithItsOffsetIsPreferredToTheUtcCreationTime() {
        Recording recording = RecordingMetadata.of(Map.of(
                "creation_time", "2023-06-01T12:29:58.000000Z",
                "com.apple.quicktime.creationdate", "2023-06-01T14:30:00+0200"));
        assertThat(recording.start().iso()).isEqualTo("2023-06-01T14:30:00.000+02:00");
        assertThat(recording.startSource()).isEqualTo("com.apple.quicktime.creationdate");
        assertThat(recording.frameTime(90.25).iso()).isEqualTo("2023-06-01T14:31:30.250+02:00");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-06-01T12:30:00.000000Z | 2023-06-01T12:30:00.000+00:00",
                "2023-06-01T12:30:00Z | 2023-06-01T12:30:00.000+00:00",
                "2023-06-01 12:30:00 | 2023-06-01T12:30:00.000+00:00",
                "2023-06-01T14:30:00+02:00 | 2023-06-01T12:30:00.000+00:00",
            })
    void aCreationTimeIsAMomentWrittenAtOffsetZero(String creationTime, String expected) {
        Recording recording = RecordingMetadata.of(Map.of("creation_time", creationTime));
        assertThat(recording.start().iso()).isEqualTo(expected);
        assertThat(recording.startSource()).isEqualTo("creation_time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00.000000Z", "1904-01-01T00:00:00.000000Z", "not a date", ""})
    void aZeroedOrUnreadableDateIsNoDate(String creationTime) {
        Recording recording = RecordingMetadata.of(Map.of("creation_time", creationTime));
        assertThat(recording.start()).isNull();
        assertThat(recording.frameTime(10)).isNull();
    }

    @Test
    void aQuickTimeDateWithoutOffsetIsLocalTimeOnlyWhenThereIsNoUtcTime() {
        assertThat(RecordingMetadata.of(Map.of("com.apple.quicktime.creationdate", "2023-06-01T14:30:00"))
                        .start()
                        .iso())
                .isEqualTo("2023-06-01T14:30:00.000");
        assertThat(RecordingMetadata.of(Map.of(
                                "com.apple.quicktime.creationdate", "2023-06-01T14:30:00",
                                "creation_time", "2023-06-01T12:30:00Z"))
                        .startSource())
                .isEqualTo("creation_time");
    }

    @Test
    void cameraAndPlaceComeFromTheFirstKeyThatSaysThem() {
        Recording android = RecordingMetadata.of(Map.of(
                "com.android.manufacturer", "samsung",
                "com.android.model", "SM-G991B",
                "make", "ignored",
                "location-eng", "+52.5200+013.4050/"));
        assertThat(android.camera().make()).isEqualTo("samsung");
        assertThat(android.camera().model()).isEqualTo("SM-G991B");
        assertThat(android.location().latitude()).isCloseTo(52.52, within(1e-9));

        Recording camcorder = RecordingMetadata.of(Map.of("make", "Sony", "model", "FDR-AX43"));
        assertThat(camcorder.camera().make()).isEqualTo("Sony");
        assertThat(camcorder.location()).isNull();
        assertThat(camcorder.withoutLocation()).isSameAs(camcorder);
        assertThat(RecordingMetadata.of(Map.of("location", "+1.0+2.0/"))
                        .withoutLocation()
                        .location())
                .isNull();
    }
}
