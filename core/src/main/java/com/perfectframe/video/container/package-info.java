/**
 * Reading a video file with FFmpeg: the container and its video stream ({@link
 * com.perfectframe.video.container.VideoInput}), the packet index ({@link
 * com.perfectframe.video.container.VideoIndexer}, {@link com.perfectframe.video.container.VideoIndex}, with
 * {@link com.perfectframe.video.container.NalUnits} telling frames nothing depends on), the packets in decoding
 * order ({@link com.perfectframe.video.container.PacketCursor}), the decoder ({@link
 * com.perfectframe.video.container.VideoDecoder}), and FFmpeg's errors and log in our words.
 */
package com.perfectframe.video.container;
