package com.perfectframe.video;

/** Handing decoded sample frames to a {@link SampleSink} from inside FFmpeg's frame callbacks. */
final class Delivery {

    private Delivery() {}

    /** Hands a frame to the sink, closing it if the sink does not take it. */
    static void deliver(SampleSink<SampledFrame> sink, SampledFrame frame) {
        try {
            sink.accept(frame);
        } catch (InterruptedException e) {
            frame.close();
            throw new Interrupted(e);
        } catch (RuntimeException e) {
            frame.close();
            throw e;
        }
    }

    /** Carries an interruption out of FFmpeg's frame callback. */
    static final class Interrupted extends RuntimeException {
        final transient InterruptedException cause;

        Interrupted(InterruptedException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
