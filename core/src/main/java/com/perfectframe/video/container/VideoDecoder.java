package com.perfectframe.video.container;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * FFmpeg's decoder for one video stream, multithreaded, with the send/receive loop folded into one call.
 */
public final class VideoDecoder implements AutoCloseable {

    /** Receives each decoded frame; the frame is only valid during the call. */
    public interface FrameHandler {
        void onFrame(AVFrame frame, long pts);
    }

    /** FFmpeg's FF_THREAD_FRAME and FF_THREAD_SLICE, which the Java bindings do not export. */
    private static final int FRAME_AND_SLICE_THREADS = 1 | 2;

    private AVCodecContext context;
    private final AVFrame frame = av_frame_alloc();
    private long errors;

    private VideoDecoder(AVCodecContext context) {
        this.context = context;
    }

    public static VideoDecoder open(VideoInput input, int threads) throws VideoException {
        int codecId = input.parameters().codec_id();
        AVCodec codec = avcodec_find_decoder(codecId);
        if (codec == null) {
            throw new VideoException(
                    input.file(),
                    "uses the " + avcodec_get_name(codecId).getString() + " codec, which this build cannot decode");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        int rc = avcodec_parameters_to_context(context, input.parameters());
        if (rc >= 0) {
            context.thread_count(threads > 0 ? threads : automaticThreads(context.width(), context.height()));
            context.thread_type(FRAME_AND_SLICE_THREADS);
            context.pkt_timebase(input.timeBase());
            rc = avcodec_open2(context, codec, (AVDictionary) null);
        }
        if (rc < 0) {
            avcodec_free_context(context);
            throw new VideoException(input.file(), "cannot be decoded (" + FfmpegErrors.describe(rc) + ")");
        }
        return new VideoDecoder(context);
    }

    /**
     * FFmpeg's automatic choice (0: cores + 1 frame threads), except above Full HD where each frame thread holds
     * its own large frames: there one thread per core keeps memory down at no cost in speed.
     */
    static int automaticThreads(int width, int height) {
        long pixels = (long) width * height;
        return pixels > 2L * 1920 * 1088 ? Runtime.getRuntime().availableProcessors() : 0;
    }

    /** Feeds one packet and hands every frame that comes out to the handler. */
    public void decode(AVPacket packet, FrameHandler handler) {
        while (true) {
            int rc = avcodec_send_packet(context, packet);
            if (rc == AVERROR_EAGAIN()) {
                receive(handler);
                continue;
            }
            if (rc < 0 && rc != AVERROR_EOF()) {
                errors++;
            }
            break;
        }
        receive(handler);
    }

    /** Emits the frames still inside the decoder and resets it, so decoding can resume after a seek. */
    public void drain(FrameHandler handler) {
        avcodec_send_packet(context, null);
        receive(handler);
        avcodec_flush_buffers(context);
    }

    /** Packets the decoder rejected as corrupt. */
    public long errors() {
        return errors;
    }

    private void receive(FrameHandler handler) {
        while (true) {
            int rc = avcodec_receive_frame(context, frame);
            if (rc == AVERROR_EAGAIN() || rc == AVERROR_EOF()) {
                return;
            }
            if (rc < 0) {
                errors++;
                return;
            }
            long pts = frame.pts() != AV_NOPTS_VALUE ? frame.pts() : frame.best_effort_timestamp();
            try {
                handler.onFrame(frame, pts);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    @Override
    public void close() {
        av_frame_free(frame);
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }
}
