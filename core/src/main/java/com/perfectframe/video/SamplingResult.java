package com.perfectframe.video;

/**
 * What sampling one video did: how many samples were planned and delivered, and what the decoder was spared.
 *
 * @param planned samples the schedule asked for
 * @param delivered samples handed to the consumer
 * @param packetsRead video packets read from the file (both passes not counted: decode pass only)
 * @param packetsDecoded packets fed to the decoder
 * @param seeks keyframe seeks made
 * @param problem why the video is incomplete (truncated, undecodable frames), or null when every sample came out
 */
public record SamplingResult(
        int planned, int delivered, long packetsRead, long packetsDecoded, int seeks, String problem) {

    public boolean complete() {
        return problem == null && delivered == planned;
    }
}
