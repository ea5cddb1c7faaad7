package com.perfectframe.video.container;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import com.perfectframe.video.picture.Orientation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An opened video file positioned on its main video stream; reads that stream's packets and seeks.
 *
 * <p>Other streams are discarded at the demuxer, so audio is never read into memory.
 */
public final class VideoInput implements AutoCloseable {

    private final Path file;
    private AVFormatContext format;
    private final int streamIndex;
    private final AVPacket packet;

    private VideoInput(Path file, AVFormatContext format, int streamIndex) {
        this.file = file;
        this.format = format;
        this.streamIndex = streamIndex;
        this.packet = av_packet_alloc();
    }

    public static VideoInput open(Path file) throws VideoException {
        if (!Files.isRegularFile(file)) {
            throw new VideoException(file, "is not a readable file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new VideoException(file, "is empty (0 bytes)");
            }
        } catch (java.io.IOException e) {
            throw new VideoException(file, "cannot be read (" + e.getMessage() + ")");
        }
        AVFormatContext format = new AVFormatContext(null);
        int rc = avformat_open_input(format, file.toAbsolutePath().toString(), null, (AVDictionary) null);
        if (rc < 0) {
            String unfinished = Mp4Boxes.missingIndex(file);
            throw new VideoException(
                    file,
                    unfinished != null
                            ? unfinished
                            : "cannot be opened as a video (" + FfmpegErrors.describe(rc) + ")");
        }
        try {
            rc = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (rc < 0) {
                throw new VideoException(file, "has no readable streams (" + FfmpegErrors.describe(rc) + ")");
            }
            int stream = videoStream(format);
            if (stream < 0) {
                throw new VideoException(
                        file, hasAudio(format) ? "has no video stream (audio only)" : "has no video stream");
            }
            for (int i = 0; i < format.nb_streams(); i++) {
                if (i != stream) {
                    format.streams(i).discard(AVDISCARD_ALL);
                }
            }
            return new VideoInput(file, format, stream);
        } catch (VideoException | RuntimeException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    /**
     * The main video stream: FFmpeg's best pick, unless that is a still picture attached to an audio file (cover art
     * of an .m4a or .mp3), which is not video.
     */
    private static int videoStream(AVFormatContext format) {
        int best = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        if (best >= 0 && !isAttachedPicture(format.streams(best))) {
            return best;
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream candidate = format.streams(i);
            if (candidate.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO && !isAttachedPicture(candidate)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAttachedPicture(AVStream stream) {
        return (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0;
    }

    private static boolean hasAudio(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                return true;
            }
        }
        return false;
    }

    Path file() {
        return file;
    }

    /** How the container says the stream is to be shown (a phone's portrait video is stored landscape). */
    public Orientation orientation() {
        AVCodecParameters parameters = parameters();
        return Orientation.ofSideData(parameters.coded_side_data(), parameters.nb_coded_side_data());
    }

    AVStream stream() {
        return format.streams(streamIndex);
    }

    AVCodecParameters parameters() {
        return stream().codecpar();
    }

    AVRational timeBase() {
        return stream().time_base();
    }

    /** Frames per second declared by the container, or NaN. */
    double declaredFps() {
        AVRational rate = stream().avg_frame_rate();
        if (rate.num() <= 0 || rate.den() <= 0) {
            rate = stream().r_frame_rate();
        }
        return rate.num() > 0 && rate.den() > 0 ? rate.num() / (double) rate.den() : Double.NaN;
    }

    /** Duration the file declares: its video stream's, else the container's; NaN when it declares none. */
    double declaredSeconds() {
        long ticks = stream().duration();
        if (ticks != AV_NOPTS_VALUE && ticks > 0) {
            return ticks * (double) timeBase().num() / timeBase().den();
        }
        long micros = format.duration();
        return micros != AV_NOPTS_VALUE && micros > 0 ? micros / (double) AV_TIME_BASE : Double.NaN;
    }

    /** Frame count the container declares, or 0 when it does not say. */
    public long declaredFrames() {
        return stream().nb_frames();
    }

    /**
     * Reads the next packet of the video stream into {@link #packet()}.
     *
     * @return false at the end of the file
     * @throws VideoException when the file cannot be read further
     */
    public boolean next() throws VideoException {
        while (true) {
            av_packet_unref(packet);
            int rc = av_read_frame(format, packet);
            if (rc == AVERROR_EOF()) {
                return false;
            }
            if (rc < 0) {
                throw new VideoException(file, "cannot be read further: " + FfmpegErrors.describe(rc));
            }
            if (packet.stream_index() == streamIndex) {
                return true;
            }
        }
    }

    public AVPacket packet() {
        return packet;
    }

    /** Seeks to the keyframe at or before the given timestamp (stream time base). */
    void seek(long timestamp) throws VideoException {
        av_packet_unref(packet);
        int rc = av_seek_frame(format, streamIndex, timestamp, AVSEEK_FLAG_BACKWARD);
        if (rc < 0) {
            throw new VideoException(file, "cannot seek (" + FfmpegErrors.describe(rc) + ")");
        }
    }

    @Override
    public void close() {
        av_packet_free(packet);
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
    }
}
