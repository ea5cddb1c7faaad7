package com.perfectframe.extract.video;

/**
 * What travels from decoding through scoring to selection: a sample ({@link Candidate}), or a marker that tells a
 * video's selection about samples that are not a picture — one that will never come ({@link Skip}), or the end of
 * the video ({@link End}). Markers travel in the same queues as samples so that a video's selection sees them in
 * order with its samples.
 */
sealed interface VideoItem extends AutoCloseable permits Candidate, VideoItem.Skip, VideoItem.End {

    /** The video the item belongs to. */
    VideoRun<?> run();

    @Override
    void close();

    /** A planned sample of a video that will never come (the decoder passed over it); counted by its selection. */
    record Skip(VideoRun<?> run, int ordinal) implements VideoItem {
        @Override
        public void close() {}
    }

    /** Every sample of a video has passed the preparing stage: its selection decides about what it holds. */
    record End(VideoRun<?> run) implements VideoItem {
        @Override
        public void close() {
            // Dropped only when the job stops; the pipeline then discards the selection itself.
        }
    }
}
