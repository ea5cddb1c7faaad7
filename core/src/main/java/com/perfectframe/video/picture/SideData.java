package com.perfectframe.video.picture;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_DATA_CONTENT_LIGHT_LEVEL;
import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_DATA_MASTERING_DISPLAY_METADATA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_side_data;

import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avutil.AVContentLightMetadata;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVFrameSideData;
import org.bytedeco.ffmpeg.avutil.AVMasteringDisplayMetadata;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

/** Reads the metadata FFmpeg attaches to streams and frames that changes how a picture must be shown. */
public final class SideData {

    private static final int DISPLAY_MATRIX_BYTES = 9 * Integer.BYTES;

    private SideData() {}

    /** The nine values of a display matrix, or null when there is none. */
    static int[] displayMatrix(BytePointer data, long size) {
        if (data == null || data.isNull() || size < DISPLAY_MATRIX_BYTES) {
            return null;
        }
        int[] matrix = new int[9];
        new IntPointer(data).get(matrix);
        return matrix;
    }

    /** A display matrix among coded side data (a stream's, a stream group's), or null. */
    static int[] displayMatrix(AVPacketSideData sideData, int count) {
        if (sideData == null || sideData.isNull() || count <= 0) {
            return null;
        }
        AVPacketSideData side = av_packet_side_data_get(sideData, count, AV_PKT_DATA_DISPLAYMATRIX);
        return side == null || side.isNull() ? null : displayMatrix(side.data(), side.size());
    }

    /** A display matrix carried by the frame itself (H.264 display-orientation messages), or null. */
    static int[] displayMatrix(AVFrame frame) {
        AVFrameSideData side = av_frame_get_side_data(frame, AV_FRAME_DATA_DISPLAYMATRIX);
        return side == null ? null : displayMatrix(side.data(), side.size());
    }

    /**
     * The brightest light in the picture in cd/m², as HDR10 metadata gives it (content light level, else the
     * mastering display's peak), or 0 when the frame says nothing.
     */
    static double peakLuminance(AVFrame frame) {
        AVFrameSideData light = av_frame_get_side_data(frame, AV_FRAME_DATA_CONTENT_LIGHT_LEVEL);
        if (light != null && light.size() >= 8) {
            int maxCll = new AVContentLightMetadata(light.data()).MaxCLL();
            if (maxCll > 0) {
                return Integer.toUnsignedLong(maxCll);
            }
        }
        AVFrameSideData mastering = av_frame_get_side_data(frame, AV_FRAME_DATA_MASTERING_DISPLAY_METADATA);
        if (mastering != null) {
            AVMasteringDisplayMetadata metadata = new AVMasteringDisplayMetadata(mastering.data());
            AVRational max = metadata.max_luminance();
            if (metadata.has_luminance() != 0 && max.den() > 0 && max.num() > 0) {
                return max.num() / (double) max.den();
            }
        }
        return 0;
    }
}
