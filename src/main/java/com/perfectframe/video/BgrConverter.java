package com.perfectframe.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts decoded frames to 8-bit BGR images at full size, honouring the video's colour matrix and range.
 *
 * <p>Not thread-safe: one per worker thread; the scaler context is cached between frames of the same format.
 */
public final class BgrConverter implements AutoCloseable {

    private SwsContext context;

    /** Converts the frame into a new BGR image; the caller closes it. */
    public Mat toBgr(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        context = sws_getCachedContext(
                context,
                width,
                height,
                frame.format(),
                width,
                height,
                AV_PIX_FMT_BGR24,
                SWS_BILINEAR,
                null,
                null,
                (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("no pixel conversion from format " + frame.format() + " to BGR");
        }
        IntPointer coefficients = sws_getCoefficients(matrix(frame));
        boolean fullRange = frame.color_range() == AVCOL_RANGE_JPEG || isJpegFormat(frame.format());
        sws_setColorspaceDetails(context, coefficients, fullRange ? 1 : 0, coefficients, 1, 0, 1 << 16, 1 << 16);
        Mat bgr = new Mat(height, width, CV_8UC3);
        try (PointerPointer<?> src = new PointerPointer<>(frame.data());
                PointerPointer<?> dst = new PointerPointer<>(1).put(bgr.data());
                IntPointer dstStride = new IntPointer(1).put((int) bgr.step())) {
            sws_scale(context, src, frame.linesize(), 0, height, dst, dstStride);
        }
        return bgr;
    }

    /** The YUV matrix the frame was encoded with; untagged video is taken as HD (BT.709) from 720 lines up. */
    static int matrix(AVFrame frame) {
        int space = frame.colorspace();
        if (space == AVCOL_SPC_BT709) {
            return SWS_CS_ITU709;
        }
        if (space == AVCOL_SPC_BT470BG
                || space == AVCOL_SPC_SMPTE170M
                || space == AVCOL_SPC_FCC
                || space == AVCOL_SPC_SMPTE240M) {
            return space;
        }
        if (space == AVCOL_SPC_BT2020_NCL || space == AVCOL_SPC_BT2020_CL) {
            return SWS_CS_BT2020;
        }
        return frame.height() >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }

    private static boolean isJpegFormat(int format) {
        return format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P;
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
    }
}
