/**
 * Decoding videos and sampling one frame per second with JavaCV's FFmpeg bindings.
 *
 * <p>A first pass reads the packet index (no decoding); {@link com.perfectframe.video.SampleSchedule} picks the
 * sample frames, {@link com.perfectframe.video.DecodePlanner} decides for each sample whether to decode forward or
 * seek to a keyframe, and {@link com.perfectframe.video.FrameSampler} runs the plan, never converting frames that will
 * not be kept and never feeding the decoder packets that no kept frame depends on.
 */
package com.perfectframe.video;
