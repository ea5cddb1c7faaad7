/**
 * The video pipeline, one class per stage: {@link com.perfectframe.extract.video.DecodeSink} (the job's thread,
 * frame budget) → {@link com.perfectframe.extract.video.PrepareWorker} → {@link
 * com.perfectframe.extract.video.ScoreWorker} → {@link com.perfectframe.extract.video.SelectWorker} → {@link
 * com.perfectframe.extract.video.WriteWorker}, wired by {@link com.perfectframe.extract.video.VideoPipeline} (built
 * {@code scored} or {@code everySample}); each video finished by {@link
 * com.perfectframe.extract.video.VideoFinisher} (committed, renamed or reported).
 */
package com.perfectframe.extract.video;
