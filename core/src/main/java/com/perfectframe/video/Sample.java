package com.perfectframe.video;

/**
 * One frame chosen for sampling.
 *
 * @param ordinal position among the video's samples (0, 1, 2, …)
 * @param decodeIndex the frame's packet in decode order
 * @param frameNumber the frame's position in display order (0 = first shown frame)
 * @param pts presentation timestamp in stream time-base ticks
 * @param seconds presentation time from the first shown frame
 */
record Sample(int ordinal, int decodeIndex, int frameNumber, long pts, double seconds) {}
