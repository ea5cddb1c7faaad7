/**
 * Sampling one frame per second of a video with FFmpeg (through JavaCV's bindings).
 *
 * <p>A first pass reads the packet index (no decoding, {@code video.container}); {@link
 * com.perfectframe.video.SampleSchedule} picks the sample frames, {@link com.perfectframe.video.DecodePlanner}
 * decides for each sample whether to decode forward or seek to a keyframe, and {@link
 * com.perfectframe.video.FrameSampler} runs the plan, never converting frames that will not be kept and never
 * feeding the decoder packets that no kept frame depends on. Samples come out as {@link
 * com.perfectframe.video.SampledFrame}s; {@code video.picture} turns one into the picture as a player shows it.
 */
package com.perfectframe.video;
