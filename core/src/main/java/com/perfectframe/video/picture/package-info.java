/**
 * A decoded frame as a player shows it, as an 8-bit BGR picture ({@link
 * com.perfectframe.video.picture.BgrConverter}): colour matrix and range, HDR tone-mapped to SDR ({@link
 * com.perfectframe.video.picture.ToneMapper}), interlaced frames deinterlaced ({@link
 * com.perfectframe.video.picture.Deinterlacer}), turned and mirrored upright ({@link
 * com.perfectframe.video.picture.Orientation}, from the frame's or stream's {@link
 * com.perfectframe.video.picture.SideData}). The image package decodes HEIF stills (HEIC, AVIF) with FFmpeg too
 * and converts their items and tiles here, so a photo's colours and HDR are treated as a video frame's.
 */
package com.perfectframe.video.picture;
