package com.perfectframe.video;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;

import com.perfectframe.video.container.VideoDecoder;
import com.perfectframe.video.container.VideoException;
import com.perfectframe.video.container.VideoInput;
import com.perfectframe.video.picture.Orientation;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Fallback for streams without reliable timestamps (some AVI and raw streams): decodes every frame and keeps every
 * round(fps)-th one in output order, which is the original tool's rule.
 */
final class SequentialSampling {

    private static final double FALLBACK_FPS = 25;

    private final Path video;
    private final int decoderThreads;
    private final SampleSink<SampledFrame> sink;
    private long frames;
    private int delivered;
    private int step;
    private double fps;
    private Orientation orientation = Orientation.UPRIGHT;

    SequentialSampling(Path video, int decoderThreads, SampleSink<SampledFrame> sink) {
        this.video = video;
        this.decoderThreads = decoderThreads;
        this.sink = sink;
    }

    SamplingResult run(double declaredFps) throws VideoException, InterruptedException {
        fps = Double.isFinite(declaredFps) && declaredFps > 0 ? declaredFps : FALLBACK_FPS;
        step = (int) Math.max(1, Math.round(fps));
        String problem = null;
        long packets = 0;
        try (VideoInput input = VideoInput.open(video);
                VideoDecoder decoder = VideoDecoder.open(input, decoderThreads)) {
            orientation = input.orientation();
            long declared = input.declaredFrames();
            sink.planned(declared > 0 ? (int) ((declared + step - 1) / step) : 0);
            VideoDecoder.FrameHandler handler = this::onFrame;
            while (true) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                boolean more;
                try {
                    more = input.next();
                } catch (VideoException e) {
                    problem = e.getMessage();
                    more = false;
                }
                if (!more) {
                    break;
                }
                packets++;
                decoder.decode(input.packet(), handler);
            }
            decoder.drain(handler);
            if (delivered == 0 && problem == null) {
                problem = "no frame could be decoded";
            }
            return new SamplingResult(delivered, delivered, packets, packets, 0, problem);
        } catch (Delivery.Interrupted e) {
            throw e.cause;
        }
    }

    private void onFrame(AVFrame frame, long pts) {
        long number = frames++;
        if (number % step != 0) {
            return;
        }
        Delivery.deliver(
                sink, new SampledFrame(video, delivered, number, number / fps, orientation, av_frame_clone(frame)));
        delivered++;
    }
}
