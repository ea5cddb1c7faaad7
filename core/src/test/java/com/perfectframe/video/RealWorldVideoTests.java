package com.perfectframe.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.FrameCodes;
import com.perfectframe.testing.PixelDifference;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.container.VideoException;
import com.perfectframe.video.picture.BgrConverter;
import com.perfectframe.video.picture.Orientation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Videos as phones, cameras and recorders make them: rotated and mirrored, HDR, interlaced, every common codec
 * and container, audio-first and audio-only files, odd frame rates and timestamps. Each picture is checked against
 * what the ffmpeg tool itself shows for the same file, or against the frame it is known to be.
 */
class RealWorldVideoTests {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsFfmpeg() {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
    }

    /** One sample as the pipeline shows it. */
    record Picture(int ordinal, long frameNumber, double seconds, int width, int height, byte[] bgr) {
        int code() {
            try (Mat mat = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
                mat.data().put(bgr);
                return FrameCodes.read(mat);
            }
        }
    }

    /** Samples the whole video and keeps every sample's picture as shown (small test videos only). */
    static List<Picture> pictures(Path video) throws Exception {
        List<Picture> pictures = new ArrayList<>();
        try (BgrConverter converter = new BgrConverter()) {
            SamplingResult result = new FrameSampler(0).sample(video, new SampleSink<>() {
                @Override
                public void planned(int samples) {}

                @Override
                public void accept(SampledFrame frame) {
                    try (frame;
                            Mat bgr = converter.toBgr(frame.frame(), frame.orientation())) {
                        byte[] bytes = new byte[bgr.cols() * bgr.rows() * 3];
                        bgr.data().get(bytes);
                        pictures.add(new Picture(
                                frame.ordinal(), frame.frameNumber(), frame.seconds(), bgr.cols(), bgr.rows(), bytes));
                    }
                }
            });
            assertThat(result.complete()).as("complete: %s", result).isTrue();
        }
        pictures.sort(Comparator.comparingInt(Picture::ordinal));
        return pictures;
    }

    private static Path testPattern(String name, String extraArgs) throws Exception {
        Path video = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of(
                "-f", "lavfi", "-i", "testsrc=size=160x120:rate=5:duration=1", "-c:v", "libx264", "-crf", "12"));
        if (!extraArgs.isEmpty()) {
            args.addAll(List.of(extraArgs.split(" ")));
        }
        args.add(video.toString());
        TestVideos.ffmpeg(args.toArray(String[]::new));
        return video;
    }

    // ---- rotation and mirroring

    /** A phone's portrait video: landscape frames, and a matrix saying how to turn them. */
    @ParameterizedTest
    @CsvSource({"0, 1, -1, 0", "-1, 0, 0, -1", "0, -1, 1, 0"})
    void turnsPhoneVideoUprightAsFfmpegShowsIt(int a, int b, int c, int d) throws Exception {
        Path plain = testPattern("phone_plain_" + a + b + c + d + ".mp4", "");
        Path video = Files.write(
                dir.resolve("phone_" + a + b + c + d + ".mp4"),
                TestVideos.withTrackMatrix(Files.readAllBytes(plain), a, b, c, d));
        boolean sideways = a == 0;
        int width = sideways ? 120 : 160;
        int height = sideways ? 160 : 120;
        byte[] shownByFfmpeg = TestVideos.firstFrameBgr(video, null, width, height);

        Picture first = pictures(video).get(0);

        assertThat(first.width()).isEqualTo(width);
        assertThat(first.height()).isEqualTo(height);
        assertThat(PixelDifference.mean(first.bgr(), shownByFfmpeg)).isLessThan(3);
        byte[] turnedOtherWay = TestVideos.firstFrameBgr(video, "transpose=clock,transpose=clock", width, height);
        assertThat(PixelDifference.mean(first.bgr(), turnedOtherWay))
                .as("the test pattern tells orientations apart")
                .isGreaterThan(20);
    }

    /**
     * Every display matrix a camera writes (quarter turns, with and without mirroring), set in the MP4 track header,
     * against the unturned picture transformed as the matrix says.
     */
    @ParameterizedTest
    @CsvSource({
        "1, 0, 0, 1, ''",
        "-1, 0, 0, 1, hflip",
        "1, 0, 0, -1, vflip",
        "-1, 0, 0, -1, 'hflip,vflip'",
        "0, 1, -1, 0, transpose=clock",
        "0, -1, 1, 0, transpose=cclock",
        "0, 1, 1, 0, transpose=cclock_flip",
        "0, -1, -1, 0, transpose=clock_flip"
    })
    void honoursEveryQuarterTurnAndMirrorOfTheDisplayMatrix(int a, int b, int c, int d, String filter)
            throws Exception {
        String name = "matrix_" + a + b + c + d + ".mp4";
        Path plain = testPattern("plain_" + name, "");
        Path video = Files.write(dir.resolve(name), TestVideos.withTrackMatrix(Files.readAllBytes(plain), a, b, c, d));
        boolean sideways = a == 0;
        int width = sideways ? 120 : 160;
        int height = sideways ? 160 : 120;
        byte[] expected = TestVideos.firstFrameBgr(plain, filter.isEmpty() ? null : filter, width, height);

        Picture first = pictures(video).get(0);

        assertThat(first.width()).isEqualTo(width);
        assertThat(PixelDifference.mean(first.bgr(), expected)).isLessThan(3);
    }

    @Test
    void readsTheDisplayMatrixOfEachCase() {
        int one = 1 << 16;
        assertThat(Orientation.ofDisplayMatrix(null)).isEqualTo(Orientation.UPRIGHT);
        assertThat(Orientation.ofDisplayMatrix(new int[] {0, one, 0, -one, 0, 0, 0, 0, 1 << 30}))
                .isEqualTo(Orientation.ROTATED_CLOCKWISE);
        assertThat(Orientation.ofDisplayMatrix(new int[] {-one, 0, 0, 0, one, 0, 0, 0, 1 << 30}))
                .isEqualTo(Orientation.MIRRORED);
        // A free angle (30°) is shown as decoded.
        int cos = (int) (Math.cos(Math.PI / 6) * one);
        int sin = (int) (Math.sin(Math.PI / 6) * one);
        assertThat(Orientation.ofDisplayMatrix(new int[] {cos, -sin, 0, sin, cos, 0, 0, 0, 1 << 30}))
                .isEqualTo(Orientation.UPRIGHT);
    }

    // ---- HDR

    private static final String TONE_MAP_REFERENCE = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,"
            + "tonemap=tonemap=hable:desat=0:peak=%s,zscale=t=bt709:p=bt709:m=bt709:r=full,format=gbrp";

    private static Path hdrVideo(String name, String transfer, String x265Params, String pixelFormat) throws Exception {
        Path video = dir.resolve(name);
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x180:rate=5:duration=1",
                "-vf",
                "zscale=tin=bt709:pin=bt709:min=bt709:rin=tv:t=" + transfer
                        + ":p=bt2020:m=bt2020nc:r=tv:npl=100,format=" + pixelFormat,
                "-c:v",
                "libx265",
                "-x265-params",
                "log-level=error" + x265Params,
                "-crf",
                "12",
                "-color_primaries",
                "bt2020",
                "-color_trc",
                transfer,
                "-colorspace",
                "bt2020nc",
                video.toString());
        return video;
    }

    @ParameterizedTest
    @CsvSource({
        "hdr10-no-metadata.mp4, smpte2084, '', 10, yuv420p10le, 3",
        "hdr10-maxcll-400.mp4, smpte2084, ':max-cll=400,100', 4, yuv420p10le, 3",
        "hlg.mp4, arib-std-b67, '', 10, yuv420p10le, 3",
        "hlg-444-12bit.mkv, arib-std-b67, '', 10, yuv444p12le, 3",
        // 8-bit HDR (rare) goes through FFmpeg's scaler first, whose rounding differs a little more from zimg's.
        "hdr10-8bit.mp4, smpte2084, '', 10, yuv420p, 5"
    })
    void toneMapsHdrVideoLikeFfmpegsZscaleAndHableChain(
            String name, String transfer, String x265, String peak, String pixelFormat, double tolerance)
            throws Exception {
        Path video = hdrVideo(name, transfer, x265, pixelFormat);
        byte[] reference = TestVideos.firstFrameBgr(video, String.format(TONE_MAP_REFERENCE, peak), 320, 180);
        byte[] untreated = TestVideos.firstFrameBgr(video, "scale=out_color_matrix=bt709:out_range=full", 320, 180);

        Picture first = pictures(video).get(0);

        double difference = PixelDifference.mean(first.bgr(), reference);
        assertThat(difference).as("difference from ffmpeg's tone mapping").isLessThan(tolerance);
        assertThat(PixelDifference.mean(untreated, reference))
                .as("an untreated HDR picture differs (washed out)")
                .isGreaterThan(4 * difference + 5);
    }

    // ---- interlaced video

    @Test
    void deinterlacesTheSamplesOfInterlacedVideo() throws Exception {
        Path video = dir.resolve("interlaced.mp4");
        // A pan of 6 pixels per field: every vertical edge combs when the two fields are shown together.
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=640x240:rate=50:duration=1",
                "-vf",
                "crop=320:240:x='mod(n*6,320)':y=0,interlace=scan=tff",
                "-c:v",
                "libx264",
                "-crf",
                "10",
                "-flags",
                "+ildct+ilme",
                "-x264-params",
                "tff=1",
                video.toString());
        byte[] woven = TestVideos.firstFrameBgr(video, null, 320, 240);
        byte[] yadif = TestVideos.firstFrameBgr(video, "yadif=deint=all", 320, 240);

        Picture first = pictures(video).get(0);

        double combedBefore = combing(woven, 320, 240);
        double combedAfter = combing(first.bgr(), 320, 240);
        assertThat(combedBefore).as("the fixture combs").isGreaterThan(0.02);
        assertThat(combedAfter).isLessThan(combedBefore / 10);
        assertThat(combedAfter).isLessThanOrEqualTo(combing(yadif, 320, 240) + 0.002);
        assertThat(PixelDifference.mean(first.bgr(), yadif)).isLessThan(6);
    }

    @Test
    void leavesProgressiveVideoUntouched() throws Exception {
        Path video = testPattern("progressive.mp4", "");
        byte[] expected = TestVideos.firstFrameBgr(video, null, 160, 120);
        assertThat(PixelDifference.mean(pictures(video).get(0).bgr(), expected)).isLessThan(2);
    }

    /** Share of pixels brighter or darker than both the line above and below by more than 20 levels per channel. */
    static double combing(byte[] bgr, int width, int height) {
        int stride = width * 3;
        long combed = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 0; x < stride; x += 3) {
                int a = sum(bgr, (y - 1) * stride + x);
                int b = sum(bgr, y * stride + x);
                int c = sum(bgr, (y + 1) * stride + x);
                if ((b - a > 60 && b - c > 60) || (a - b > 60 && c - b > 60)) {
                    combed++;
                }
            }
        }
        return combed / (double) (width * (height - 2));
    }

    private static int sum(byte[] bgr, int i) {
        return (bgr[i] & 0xFF) + (bgr[i + 1] & 0xFF) + (bgr[i + 2] & 0xFF);
    }

    // ---- codecs and containers

    @ParameterizedTest
    @CsvSource({
        "h264.m4v, libx264, -crf 12 -pix_fmt yuv420p",
        "h264.mts, libx264, -crf 12 -pix_fmt yuv420p -f mpegts",
        "h264.m2ts, libx264, -crf 12 -pix_fmt yuv420p -f mpegts",
        "h264.3gp, libx264, -crf 12 -pix_fmt yuv420p",
        "hevc8.mp4, libx265, -crf 12 -pix_fmt yuv420p -x265-params log-level=error",
        "hevc10.mkv, libx265, -crf 12 -pix_fmt yuv420p10le -x265-params log-level=error",
        "vp9.webm, libvpx-vp9, -crf 10 -b:v 0 -pix_fmt yuv420p",
        "av1.mkv, libaom-av1, -crf 10 -cpu-used 8 -pix_fmt yuv420p",
        "mpeg2.mpg, mpeg2video, -q:v 2",
        "mpeg2.ts, mpeg2video, -q:v 2",
        "mpeg4.avi, mpeg4, -q:v 2",
        "mpeg4.3gp, mpeg4, -q:v 2",
        "wmv.wmv, wmv2, -q:v 2",
        "flv.flv, flv, -q:v 2",
        "theora.ogv, libtheora, -q:v 10"
    })
    void decodesEveryCommonCodecAndContainerWithTheRightFramesAndColours(String name, String codec, String options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("-c:v", codec, "-g", "5"));
        args.addAll(List.of(options.split(" ")));
        Path video = TestVideos.codes(dir.resolve(name), 12, "5", args);

        List<Picture> pictures = pictures(video);

        assertThat(pictures).extracting(Picture::frameNumber).containsExactly(0L, 5L, 10L);
        assertThat(pictures).extracting(Picture::code).containsExactly(0, 5, 10);

        Path colour = dir.resolve("colour-" + name);
        List<String> colourArgs = new ArrayList<>(
                List.of("-f", "lavfi", "-i", "color=c=0xC83C1E:size=160x120:rate=5:duration=1", "-c:v", codec));
        colourArgs.addAll(List.of(options.split(" ")));
        colourArgs.add(colour.toString());
        TestVideos.ffmpeg(colourArgs.toArray(String[]::new));
        byte[] bgr = pictures(colour).get(0).bgr();
        double[] mean = new double[3];
        for (int i = 0; i < bgr.length; i++) {
            mean[i % 3] += (bgr[i] & 0xFF) / (bgr.length / 3.0);
        }
        assertThat(mean[0]).as("blue").isCloseTo(0x1E, org.assertj.core.data.Offset.offset(10.0));
        assertThat(mean[1]).as("green").isCloseTo(0x3C, org.assertj.core.data.Offset.offset(10.0));
        assertThat(mean[2]).as("red").isCloseTo(0xC8, org.assertj.core.data.Offset.offset(10.0));
    }

    @Test
    void readsTheVideoOfAFileWhoseFirstStreamIsAudio() throws Exception {
        Path plain = TestVideos.h264(dir.resolve("for-audio-first.mp4"), 60, 25, 25, 0);
        Path video = dir.resolve("audio-first.mp4");
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "sine=duration=3",
                "-i",
                plain.toString(),
                "-map",
                "0:a",
                "-map",
                "1:v",
                "-c:v",
                "copy",
                "-c:a",
                "aac",
                "-shortest",
                video.toString());

        assertThat(pictures(video)).extracting(Picture::code).containsExactly(0, 25, 50);
    }

    @Test
    void namesAnAudioOnlyFileAndSkipsIt() throws Exception {
        Path audio = dir.resolve("voice-memo.mp4");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", audio.toString());

        assertThatThrownBy(() -> pictures(audio))
                .isInstanceOf(VideoException.class)
                .hasMessageContaining("voice-memo.mp4")
                .hasMessageContaining("audio only");
    }

    @Test
    void doesNotTakeTheCoverArtOfAnAudioFileForVideo() throws Exception {
        Path cover = dir.resolve("cover.png");
        TestVideos.ffmpeg("-f", "lavfi", "-i", "color=c=red:size=64x64", "-frames:v", "1", cover.toString());
        Path song = dir.resolve("song.m4a");
        TestVideos.ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "sine=duration=1",
                "-i",
                cover.toString(),
                "-map",
                "0:a",
                "-map",
                "1:v",
                "-c:a",
                "aac",
                "-c:v",
                "png",
                "-disposition:v:0",
                "attached_pic",
                song.toString());

        assertThatThrownBy(() -> pictures(song))
                .isInstanceOf(VideoException.class)
                .hasMessageContaining("song.m4a")
                .hasMessageContaining("audio only");
    }

    // ---- timing

    @ParameterizedTest
    @CsvSource({
        "ntsc-film.mp4, 24000/1001, 100, 24",
        "ntsc.mp4, 30000/1001, 100, 30",
        "ntsc-double.mp4, 60000/1001, 200, 60",
        "slowmo120.mp4, 120, 300, 120",
        "slowmo240.mp4, 240, 600, 240"
    })
    void samplesFractionalAndHighFrameRates(String name, String rate, int frames, int step) throws Exception {
        Path video = TestVideos.codes(
                dir.resolve(name), frames, rate, List.of("-c:v", "libx264", "-crf", "12", "-pix_fmt", "yuv420p"));

        List<Picture> pictures = pictures(video);

        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < frames; n += step) {
            expected.add(n);
        }
        assertThat(pictures).extracting(Picture::code).isEqualTo(expected);
    }

    @Test
    void aClipShorterThanOneSecondGivesItsFirstFrame() throws Exception {
        Path video = TestVideos.codes(
                dir.resolve("blink.mp4"), 7, "25", List.of("-c:v", "libx264", "-crf", "12", "-pix_fmt", "yuv420p"));

        List<Picture> pictures = pictures(video);

        assertThat(pictures).extracting(Picture::code).containsExactly(0);
        assertThat(pictures.get(0).seconds()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"offset.mp4, mp4", "offset.ts, mpegts"})
    void countsTimeFromTheFirstFrameWhenTimestampsStartFarFromZero(String name, String format) throws Exception {
        Path video = TestVideos.codes(
                dir.resolve(name),
                75,
                "25",
                List.of(
                        "-c:v",
                        "libx264",
                        "-crf",
                        "12",
                        "-pix_fmt",
                        "yuv420p",
                        "-output_ts_offset",
                        "3600",
                        "-f",
                        format));

        List<Picture> pictures = pictures(video);

        assertThat(pictures).extracting(Picture::code).containsExactly(0, 25, 50);
        assertThat(pictures).extracting(Picture::seconds).containsExactly(0.0, 1.0, 2.0);
    }
}
