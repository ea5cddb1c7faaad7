package com.perfectframe.video.picture;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_ARIB_STD_B67;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB48LE;
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
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts decoded frames to the pictures people see: 8-bit BGR at full size, in the video's colour matrix and
 * range, HDR tone-mapped to SDR, deinterlaced when the frame is interlaced, and turned upright as the video's
 * display matrix says. Only frames that are scored or written pass through here, so the extra steps cost nothing
 * on the frames that are skipped.
 *
 * <p>Not thread-safe: one per worker thread; the scaler context and scratch buffers are kept between frames.
 */
public final class BgrConverter implements AutoCloseable {

    /** More than a conversion writes past the end of a row (up to 15 pixels, 8 bytes each, in its SIMD paths). */
    private static final int MAX_OVERRUN_BYTES = 128;

    private SwsContext context;
    private ToneMapper toneMapper;
    private Deinterlacer deinterlacer;

    /**
     * The decoded frame as it is meant to be shown; the caller closes it.
     *
     * @param streamOrientation how the stream says its frames are shown, used when the frame carries no display
     *     matrix of its own
     */
    public Mat toBgr(AVFrame frame, Orientation streamOrientation) {
        Mat picture = colours(frame);
        try {
            if ((frame.flags() & AVFrame.AV_FRAME_FLAG_INTERLACED) != 0) {
                if (deinterlacer == null) {
                    deinterlacer = new Deinterlacer();
                }
                deinterlacer.apply(picture, (frame.flags() & AVFrame.AV_FRAME_FLAG_TOP_FIELD_FIRST) != 0);
            }
            int[] frameMatrix = SideData.displayMatrix(frame);
            Orientation orientation =
                    frameMatrix != null ? Orientation.ofDisplayMatrix(frameMatrix) : streamOrientation;
            Mat upright = orientation.apply(picture);
            if (upright != picture) {
                picture.close();
            }
            return upright;
        } catch (RuntimeException e) {
            picture.close();
            throw e;
        }
    }

    /**
     * Any decoded frame's pixels as 8-bit BGR, in its colour matrix and range, HDR tone-mapped to SDR, but neither
     * deinterlaced nor turned: what a still picture decoded with FFmpeg (a HEIF photo's item or tile) needs. The
     * caller closes the result.
     */
    public Mat colours(AVFrame frame) {
        return ToneMapper.isHdr(frame) ? toneMapped(frame) : convert(frame, AV_PIX_FMT_BGR24, CV_8UC3);
    }

    /**
     * HDR to SDR. The planar YUV formats of 9 to 16 bits that decoders give HDR video in are read directly, a row at a
     * time; anything else (8-bit HDR, packed formats) goes through FFmpeg's scaler to 48-bit RGB first.
     */
    private Mat toneMapped(AVFrame frame) {
        if (toneMapper == null) {
            toneMapper = new ToneMapper();
        }
        double peak = SideData.peakLuminance(frame);
        if (ToneMapper.readsDirectly(frame)) {
            return toneMapper.toSdr(frame, peak);
        }
        try (Mat rgb48 = convert(frame, AV_PIX_FMT_RGB48LE, CV_16UC3)) {
            return toneMapper.toSdr(rgb48, frame.color_trc() == AVCOL_TRC_ARIB_STD_B67, peak);
        }
    }

    /** Converts the frame's pixels, as coded, into a new picture of the given packed RGB format. */
    private Mat convert(AVFrame frame, int pixelFormat, int matType) {
        int width = frame.width();
        int height = frame.height();
        context = sws_getCachedContext(
                context,
                width,
                height,
                frame.format(),
                width,
                height,
                pixelFormat,
                SWS_BILINEAR,
                null,
                null,
                (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("no pixel conversion from format " + frame.format() + " to RGB");
        }
        IntPointer coefficients = sws_getCoefficients(matrix(frame));
        boolean fullRange = frame.color_range() == AVCOL_RANGE_JPEG || isJpegFormat(frame.format());
        sws_setColorspaceDetails(context, coefficients, fullRange ? 1 : 0, coefficients, 1, 0, 1 << 16, 1 << 16);
        // FFmpeg's fast YUV-to-RGB paths convert 8 or 16 pixels at a time and write past a row's end: harmless
        // inside the picture (the next row is written after), past its last row a heap overflow wherever the width
        // is not a multiple of 8 (an 854-wide video, a 330-wide AVIF). Slack rows below take it.
        int rowBytes = width * bytesPerPixel(matType);
        int slackRows = (MAX_OVERRUN_BYTES + rowBytes - 1) / rowBytes;
        Mat picture;
        try (Mat padded = new Mat(height + slackRows, width, matType)) {
            try (PointerPointer<?> src = new PointerPointer<>(frame.data());
                    PointerPointer<?> dst = new PointerPointer<>(1).put(padded.data());
                    IntPointer dstStride = new IntPointer(1).put((int) padded.step())) {
                sws_scale(context, src, frame.linesize(), 0, height, dst, dstStride);
            }
            picture = padded.rowRange(0, height); // continuous: whole rows of the same buffer
        }
        return picture;
    }

    /** Bytes a pixel of the two types converted to here. */
    private static int bytesPerPixel(int matType) {
        return matType == CV_16UC3 ? 6 : 3;
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
