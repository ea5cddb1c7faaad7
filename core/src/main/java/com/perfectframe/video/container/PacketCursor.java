package com.perfectframe.video.container;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * Walks a video's packets in decode order, knowing at every step which packet of the index it is on.
 *
 * <p>Seeking lands on whatever keyframe the demuxer picks; the cursor then reads forward to the planned one, or, if
 * the demuxer overshot, reopens the file and reads forward from the start (reading without decoding is cheap).
 */
public final class PacketCursor implements AutoCloseable {

    private final Path file;
    private final VideoIndex index;
    private final Map<Long, Integer> keyByPts = new HashMap<>();
    private VideoInput input;
    private int position = -1;
    private long packetsRead;

    public PacketCursor(Path file, VideoIndex index) throws VideoException {
        this.file = file;
        this.index = index;
        for (int i = 0; i < index.size(); i++) {
            if (index.isKey(i)) {
                keyByPts.put(index.pts(i), i);
            }
        }
        this.input = VideoInput.open(file);
    }

    public VideoInput input() {
        return input;
    }

    /** Index of the packet in {@link #packet()}, or -1 before the first. */
    public int position() {
        return position;
    }

    public AVPacket packet() {
        return input.packet();
    }

    public long packetsRead() {
        return packetsRead;
    }

    /** Reads the next packet; false at the end of the stream. */
    public boolean next() throws VideoException {
        if (!input.next()) {
            return false;
        }
        position++;
        packetsRead++;
        checkPosition();
        return true;
    }

    /** Positions the cursor on the keyframe packet at index {@code key}, which is then in {@link #packet()}. */
    public void seekTo(int key) throws VideoException {
        input.seek(index.pts(key));
        if (!input.next()) {
            restartAndSkipTo(key);
            return;
        }
        packetsRead++;
        Integer landed = keyByPts.get(ptsOf(input.packet()));
        if (landed == null || landed > key) {
            restartAndSkipTo(key);
            return;
        }
        position = landed;
        checkPosition();
        while (position < key) {
            if (!next()) {
                throw new VideoException(file, "ended before a keyframe listed in its index");
            }
        }
    }

    private void restartAndSkipTo(int key) throws VideoException {
        input.close();
        input = VideoInput.open(file);
        position = -1;
        while (position < key) {
            if (!next()) {
                throw new VideoException(file, "ended before a keyframe listed in its index");
            }
        }
    }

    private void checkPosition() throws VideoException {
        if (position >= index.size() || index.pts(position) != ptsOf(input.packet())) {
            throw new VideoException(file, "gave different packets on a second read; it may be changing on disk");
        }
    }

    private static long ptsOf(AVPacket packet) {
        return packet.pts() == org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE ? VideoIndex.NO_PTS : packet.pts();
    }

    @Override
    public void close() {
        input.close();
    }
}
