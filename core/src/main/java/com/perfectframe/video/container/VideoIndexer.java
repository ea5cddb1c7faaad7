package com.perfectframe.video.container;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISPOSABLE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Reads a video stream's packet index in one demuxing pass, without decoding anything.
 *
 * <p>Besides timestamps and keyframes it works out which packets no other frame depends on (H.264 and HEVC slice
 * headers, or the container's disposable flag), so that the decode can leave them out.
 */
public final class VideoIndexer {

    /**
     * What the index pass found.
     *
     * @param readError why reading stopped before the end of the file, or null
     * @param endPts where the last shown frame ends (its timestamp plus its duration), in stream ticks; {@link
     *     VideoIndex#NO_PTS} when no frame has a timestamp
     * @param declaredSeconds the duration the file declares, or NaN
     */
    public record Result(VideoIndex index, String readError, long endPts, double declaredSeconds) {

        /** How long the frames that could be read last, from the first shown frame. */
        public double contentSeconds() {
            long[] shown = index.shownPtsSorted();
            return endPts == VideoIndex.NO_PTS || shown.length == 0 || shown[0] == VideoIndex.NO_PTS
                    ? Double.NaN
                    : index.seconds(endPts - shown[0]);
        }
    }

    private VideoIndexer() {}

    public static Result read(VideoInput input) throws InterruptedException {
        AVCodecParameters parameters = input.parameters();
        int codec = parameters.codec_id();
        boolean h264 = codec == AV_CODEC_ID_H264;
        boolean hevc = codec == AV_CODEC_ID_HEVC;
        int lengthSize = (h264 || hevc) ? NalUnits.lengthSize(extradata(parameters), hevc) : 0;

        VideoIndex.Builder builder = new VideoIndex.Builder();
        int[] temporalIds = new int[1024];
        boolean[] hevcNonRef = new boolean[1024];
        int maxTemporalId = 0;
        String readError = null;
        long endPts = VideoIndex.NO_PTS;
        try {
            while (input.next()) {
                if ((builder.size() & 255) == 0 && Thread.interrupted()) {
                    throw new InterruptedException();
                }
                AVPacket packet = input.packet();
                int flags = packet.flags();
                boolean key = (flags & AV_PKT_FLAG_KEY) != 0;
                boolean droppable = (flags & AV_PKT_FLAG_DISPOSABLE) != 0;
                NalUnits.Scan scan = null;
                if ((h264 || hevc) && packet.size() > 0) {
                    ByteBuffer data = packet.data().capacity(packet.size()).asByteBuffer();
                    scan = NalUnits.scan(data, lengthSize, hevc);
                    if (h264) {
                        droppable |= scan.reference() == NalUnits.Reference.NON_REFERENCE;
                    }
                }
                long pts = packet.pts() == AV_NOPTS_VALUE ? VideoIndex.NO_PTS : packet.pts();
                if (pts != VideoIndex.NO_PTS && (flags & AV_PKT_FLAG_DISCARD) == 0) {
                    endPts = Math.max(endPts, pts + Math.max(0, packet.duration()));
                }
                int i = builder.size();
                builder.add(pts, key, droppable, (flags & AV_PKT_FLAG_DISCARD) != 0);
                if (hevc) {
                    if (i == temporalIds.length) {
                        temporalIds = java.util.Arrays.copyOf(temporalIds, i * 2);
                        hevcNonRef = java.util.Arrays.copyOf(hevcNonRef, i * 2);
                    }
                    boolean nonRef = scan != null && scan.reference() == NalUnits.Reference.NON_REFERENCE;
                    hevcNonRef[i] = nonRef;
                    temporalIds[i] = scan == null ? 0 : scan.temporalId();
                    maxTemporalId = Math.max(maxTemporalId, temporalIds[i]);
                }
            }
        } catch (VideoException e) {
            readError = e.problem();
        }
        if (hevc) {
            // A sub-layer non-reference picture may still be referenced by higher temporal layers.
            for (int i = 0; i < builder.size(); i++) {
                if (hevcNonRef[i] && temporalIds[i] == maxTemporalId) {
                    builder.setDroppable(i, true);
                }
            }
        }
        AVRational tb = input.timeBase();
        return new Result(
                builder.build(tb.num(), tb.den(), input.declaredFps()), readError, endPts, input.declaredSeconds());
    }

    private static byte[] extradata(AVCodecParameters parameters) {
        int size = parameters.extradata_size();
        if (size <= 0 || parameters.extradata() == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[size];
        parameters.extradata().get(bytes, 0, size);
        return bytes;
    }
}
