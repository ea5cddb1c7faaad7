package com.perfectframe.video;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;

import com.perfectframe.video.container.PacketCursor;
import com.perfectframe.video.container.VideoDecoder;
import com.perfectframe.video.container.VideoException;
import com.perfectframe.video.container.VideoIndex;
import com.perfectframe.video.picture.Orientation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planned decode of one video (or of one part of it, when decoders run side by side): runs the {@link
 * DecodePlanner}'s steps, seeking or decoding forward, feeding the decoder only the packets a sample depends on, and
 * hands each sample frame to the sink as it comes out of the decoder.
 */
final class PlannedRun {

    private static final Logger log = LoggerFactory.getLogger(PlannedRun.class);

    /** Packets fed past a sample before it is given up as undecodable (more than any decoder's reorder delay). */
    private static final int REORDER_SLACK = 64;

    private final Path video;
    private final VideoIndex index;
    private final Map<Long, Sample> pending = new HashMap<>();
    private final boolean[] needed;
    private final SampleSink<SampledFrame> sink;
    private final int threads;
    private int delivered;
    private double lastSeconds;
    private long decoded;
    private int seeks;
    private Orientation orientation = Orientation.UPRIGHT;

    PlannedRun(
            Path video,
            VideoIndex index,
            List<Sample> samples,
            int[] targets,
            SampleSink<SampledFrame> sink,
            int threads) {
        this.video = video;
        this.threads = threads;
        this.index = index;
        this.sink = sink;
        this.needed = DecodePlanner.neededPackets(index, targets);
        for (Sample sample : samples) {
            pending.put(sample.pts(), sample);
        }
    }

    /**
     * Decodes the plan's samples into the sink.
     *
     * @param truncation where the file's readable frames end short of its declared end ("truncated at …"), or
     *     null: the run's problem unless decoding finds an earlier one
     */
    SamplingResult run(List<DecodePlanner.Step> plan, String truncation) throws VideoException, InterruptedException {
        int planned = pending.size();
        String problem = truncation;
        try (PacketCursor cursor = new PacketCursor(video, index);
                VideoDecoder decoder = VideoDecoder.open(cursor.input(), threads)) {
            orientation = cursor.input().orientation();
            VideoDecoder.FrameHandler handler = this::onFrame;
            boolean needKey = false;
            for (int s = 0; s < plan.size(); s++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                DecodePlanner.Step step = plan.get(s);
                // Before a seek, frames still in the decoder are flushed out at once rather than pushed out
                // by decoding more packets.
                boolean seekNext = s + 1 == plan.size() || plan.get(s + 1).seeks();
                long targetPts = index.pts(step.target());
                if (!pending.containsKey(targetPts)) {
                    continue;
                }
                int seekTo = step.seekTo();
                if (seekTo < 0 && needKey) {
                    seekTo = DecodePlanner.keyFor(index, step.target());
                }
                if (seekTo >= 0) {
                    decoder.drain(handler);
                    try {
                        cursor.seekTo(seekTo);
                    } catch (VideoException e) {
                        // The keyframe its index listed is no longer there: the file was cut meanwhile.
                        problem = problem != null ? problem : cutWhileReading(cursor, e);
                        break;
                    }
                    seeks++;
                    needKey = false;
                    feed(cursor, decoder, handler);
                }
                while (pending.containsKey(targetPts)) {
                    if (seekNext && cursor.position() >= step.target()) {
                        decoder.drain(handler);
                        needKey = pending.containsKey(targetPts);
                        break;
                    }
                    if (cursor.position() >= step.target() + REORDER_SLACK) {
                        decoder.drain(handler);
                        needKey = true;
                        break;
                    }
                    boolean more;
                    try {
                        more = cursor.next();
                    } catch (VideoException e) {
                        problem = problem != null ? problem : cutWhileReading(cursor, e);
                        more = false;
                    }
                    if (!more && problem == null && cursor.position() < index.size() - 1) {
                        problem = cutWhileReading(cursor, null);
                    }
                    if (!more) {
                        decoder.drain(handler);
                        break;
                    }
                    feed(cursor, decoder, handler);
                }
            }
            if (!pending.isEmpty()) {
                decoder.drain(handler);
            }
            if (decoder.errors() > 0) {
                log.debug("{}: decoder rejected {} packets", video.getFileName(), decoder.errors());
            }
            if (!pending.isEmpty() && problem == null) {
                problem = pending.size() + " of " + planned + " sample frames could not be decoded";
            }
            return new SamplingResult(
                    planned, delivered, cursor.packetsRead(), decoded, seeks, problem, lastSeconds, Double.NaN);
        } catch (Delivery.Interrupted e) {
            throw e.cause;
        }
    }

    /** The file ended (or could not be read) before the packets its index listed: cut during the job. */
    private String cutWhileReading(PacketCursor cursor, VideoException e) {
        long[] shown = index.shownPtsSorted();
        int at = Math.max(0, cursor.position());
        String when = index.pts(at) == VideoIndex.NO_PTS || shown.length == 0
                ? ""
                : " at " + SamplingResult.clock(index.seconds(index.pts(at) - shown[0]));
        String why = e == null ? "it ended while it was being read" : e.problem();
        return "truncated" + when + " (" + why + ")";
    }

    private void feed(PacketCursor cursor, VideoDecoder decoder, VideoDecoder.FrameHandler handler) {
        if (needed[cursor.position()]) {
            decoder.decode(cursor.packet(), handler);
            decoded++;
        }
    }

    private void onFrame(AVFrame frame, long pts) {
        Sample sample = pending.remove(pts);
        if (sample == null) {
            return;
        }
        Delivery.deliver(
                sink,
                new SampledFrame(
                        video,
                        sample.ordinal(),
                        sample.frameNumber(),
                        sample.seconds(),
                        orientation,
                        av_frame_clone(frame)));
        delivered++;
        lastSeconds = Math.max(lastSeconds, sample.seconds());
    }
}
