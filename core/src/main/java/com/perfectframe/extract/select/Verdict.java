package com.perfectframe.extract.select;

/**
 * Why a sample was kept or dropped, as the per-sample CSV reports it, so that a user can see why a frame won.
 */
public enum Verdict {
    /** Written. */
    KEPT("kept"),
    /** Written although it failed a quality rule: every sample of its group failed, and it scored best. */
    KEPT_ANYWAY("kept: every sample of its group failed a quality rule"),
    /** Another sample of its group scored higher. */
    LOST("lost: another sample of its group scored higher"),
    /** Clearly less sharp than the sharpest sample it competes with (motion blur, focus hunting). */
    BLURRED("rejected: blurred"),
    /** Clearly more crushed blacks than the best-exposed sample it competes with. */
    DARK("rejected: too dark"),
    /** Clearly more blown highlights than the best-exposed sample it competes with. */
    OVEREXPOSED("rejected: overexposed"),
    /** Near-uniform: black, white or a single colour. */
    FLAT("rejected: flat (black or white or one colour)"),
    /** Part of a transition between shots (a dissolve, a fade, a wipe), or a mix of the samples around it. */
    TRANSITION("rejected: mid-transition (dissolve or fade)"),
    /** Much brighter than the samples around it, which are alike: a flash. */
    FLASH("rejected: flash"),
    /** Looked like another kept frame of its video, which scored higher. */
    DUPLICATE("dropped: near-duplicate of a better frame"),
    /** Not among the N best distinct frames of its video. */
    NOT_TOP("dropped: not among the video's N best"),
    /** Among the best, but too close in time to a better one. */
    TOO_CLOSE("dropped: too close in time to a better frame");

    private final String description;

    Verdict(String description) {
        this.description = description;
    }

    /** The words of the CSV's verdict column. */
    public String description() {
        return description;
    }
}
