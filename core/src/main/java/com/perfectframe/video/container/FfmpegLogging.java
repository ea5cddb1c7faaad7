package com.perfectframe.video.container;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.slf4j.LoggerFactory;

/**
 * Keeps FFmpeg's own console messages out of the user's terminal: problems with a video are reported by us, once,
 * naming the file. Debug logging for this package turns FFmpeg's error messages back on.
 */
public final class FfmpegLogging {

    private FfmpegLogging() {}

    public static void configure() {
        boolean debug = LoggerFactory.getLogger(FfmpegLogging.class).isDebugEnabled();
        av_log_set_level(debug ? AV_LOG_ERROR : AV_LOG_QUIET);
    }
}
