package com.perfectframe.score;

/**
 * Names the model behind a set of scores so that results can be traced and synthetic ones are never mistaken
 * for real ones.
 *
 * @param weightsSha256 SHA-256 of the weights file, or "synthetic" when seeded random weights are used
 * @param synthetic true when the weights are random: scores are then meaningless
 * @param device where inference runs ("CPU", "GPU:0", …)
 */
public record ModelIdentity(String weightsSha256, boolean synthetic, String device) {

    /** The text written in manifests: the weights' hash, or "synthetic". */
    public String manifestName() {
        return synthetic ? "synthetic" : weightsSha256;
    }
}
