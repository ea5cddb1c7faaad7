package com.perfectframe.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Generates test videos with the ffmpeg command-line tool (Debian's, with libx264), each frame showing its own
 * number (see {@link FrameCodes}), with a chosen frame rate, keyframe interval and B-frames.
 */
public final class TestVideos {

    public static final int WIDTH = 160;
    public static final int HEIGHT = 120;

    private TestVideos() {}

    /** True when an ffmpeg executable with libx264 is on the PATH. */
    public static boolean ffmpegAvailable() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-encoders")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("libx264");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why tests that need the ffmpeg CLI were skipped. */
    public static final String NO_FFMPEG = "ffmpeg with libx264 is not installed (apt-get install ffmpeg)";

    /**
     * A constant-frame-rate H.264 video.
     *
     * @param frames number of frames
     * @param fps frame rate
     * @param gop keyframe interval in frames (fixed: scene-cut detection off)
     * @param bframes B-frames between references (0 for none)
     */
    public static Path h264(Path file, int frames, int fps, int gop, int bframes) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "18",
                "-pix_fmt",
                "yuv420p",
                "-bf",
                Integer.toString(bframes),
                "-x264-params",
                "keyint=" + gop + ":min-keyint=" + gop + ":scenecut=0"));
        return encode(file, frames, fps, List.of(), args);
    }

    /**
     * A variable-frame-rate H.264 video in Matroska made of segments of different frame rates.
     *
     * @param segments pairs {frames, fps}
     * @return the presentation time of every frame, in seconds
     */
    public static double[] h264Vfr(Path file, int[][] segments) throws IOException {
        int total = 0;
        for (int[] segment : segments) {
            total += segment[0];
        }
        double[] times = new double[total];
        StringBuilder expr = new StringBuilder();
        int first = 0;
        double start = 0;
        for (int i = 0; i < segments.length; i++) {
            int count = segments[i][0];
            int fps = segments[i][1];
            for (int n = 0; n < count; n++) {
                times[first + n] = start + n / (double) fps;
            }
            String piece = String.format(Locale.ROOT, "%.6f+(N-%d)/%d", start, first, fps);
            if (i < segments.length - 1) {
                expr.append("if(lt(N,")
                        .append(first + count)
                        .append("),")
                        .append(piece)
                        .append(",");
            } else {
                expr.append(piece);
            }
            first += count;
            start += count / (double) fps;
        }
        expr.append(")".repeat(segments.length - 1));
        encode(
                file,
                total,
                30,
                List.of(),
                List.of(
                        "-vf",
                        "setpts='(" + expr + ")/TB'",
                        "-fps_mode",
                        "passthrough",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-crf",
                        "18",
                        "-pix_fmt",
                        "yuv420p",
                        "-bf",
                        "2",
                        "-x264-params",
                        "keyint=30:min-keyint=30:scenecut=0"));
        return times;
    }

    /**
     * A video of numbered frames ({@link FrameCodes}) at any frame rate (e.g. "30000/1001"), encoded as the output
     * arguments say (codec, container options, metadata).
     */
    public static Path codes(Path file, int frames, String rate, List<String> outputArgs) throws IOException {
        return encode(file, frames, rate, List.of(), outputArgs);
    }

    /**
     * Sets the 2×2 part of an MP4's track-header matrix (16.16 fixed point; translation left at zero), which FFmpeg
     * reads as the display matrix: how phones store portrait and mirrored video. The ffmpeg tool of Debian 12 cannot
     * write one itself.
     */
    public static byte[] withTrackMatrix(byte[] mp4, int a, int b, int c, int d) {
        byte[] tkhd = "tkhd".getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        search:
        for (int i = 0; i + tkhd.length <= mp4.length; i++) {
            for (int j = 0; j < tkhd.length; j++) {
                if (mp4[i + j] != tkhd[j]) {
                    continue search;
                }
            }
            at = i;
            break;
        }
        if (at < 0) {
            throw new IllegalArgumentException("no MP4 track header");
        }
        int version = mp4[at + 4];
        int matrix = at + 4 + 4 + (version == 1 ? 32 : 20) + 8 + 8;
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(mp4);
        int[] values = {a << 16, b << 16, 0, c << 16, d << 16, 0, 0, 0, 1 << 30};
        for (int i = 0; i < values.length; i++) {
            buffer.putInt(matrix + 4 * i, values[i]);
        }
        return mp4;
    }

    /** Runs the ffmpeg command-line tool with these arguments (after -v error -y). */
    public static void ffmpeg(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(args));
        run(command, null);
    }

    /**
     * The first frame of a video as the ffmpeg tool shows it (display matrix applied), through an optional filter
     * chain, as packed BGR bytes of the given size.
     */
    public static byte[] firstFrameBgr(Path video, String filter, int width, int height) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-i", video.toString()));
        if (filter != null) {
            command.addAll(List.of("-vf", filter));
        }
        command.addAll(List.of("-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "bgr24", "-"));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("ffmpeg failed: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (bytes.length != width * height * 3) {
            throw new IOException("expected a " + width + "x" + height + " frame from ffmpeg, got " + bytes.length
                    + " bytes: " + String.join(" ", command));
        }
        return bytes;
    }

    private static Path encode(Path file, int frames, int fps, List<String> inputArgs, List<String> outputArgs)
            throws IOException {
        return encode(file, frames, Integer.toString(fps), inputArgs, outputArgs);
    }

    private static Path encode(Path file, int frames, String fps, List<String> inputArgs, List<String> outputArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-s",
                WIDTH + "x" + HEIGHT,
                "-r",
                fps));
        command.addAll(inputArgs);
        command.addAll(List.of("-i", "-"));
        command.addAll(outputArgs);
        command.add(file.toString());
        run(command, out -> {
            for (int n = 0; n < frames; n++) {
                out.write(FrameCodes.rgbFrame(WIDTH, HEIGHT, n));
            }
        });
        return file;
    }

    /** Writes to a process's standard input. */
    public interface Feeder {
        void feed(OutputStream out) throws IOException;
    }

    public static void run(List<String> command, Feeder feeder) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        if (feeder != null) {
            try (OutputStream in = process.getOutputStream()) {
                feeder.feed(in);
            }
        } else {
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("ffmpeg failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
