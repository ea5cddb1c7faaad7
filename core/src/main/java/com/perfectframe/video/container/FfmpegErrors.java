package com.perfectframe.video.container;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** Turns FFmpeg's negative return codes into the words FFmpeg has for them. */
public final class FfmpegErrors {

    private FfmpegErrors() {}

    public static String describe(int code) {
        byte[] buffer = new byte[256];
        if (av_strerror(code, buffer, buffer.length) < 0) {
            return "FFmpeg error " + code;
        }
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }
}
