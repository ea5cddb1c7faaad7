package com.perfectframe.video;

import com.perfectframe.video.container.VideoIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, for each sample, whether to keep decoding forward or to seek to a keyframe, whichever decodes fewer frames.
 *
 * <p>Cost is counted in packets fed to the decoder: packets no one references are skipped unless they are samples,
 * and a seek costs a fixed penalty (drain, flush, re-read). Pure logic, so it is tested without native code.
 */
final class DecodePlanner {

    /** A seek drains and flushes the decoder, which costs about as much as decoding a couple of frames. */
    static final int DEFAULT_SEEK_PENALTY = 2;

    /**
     * One step of the plan.
     *
     * @param target decode index of the sample
     * @param seekTo decode index of the keyframe to seek to first, or -1 to continue from where the decoder is
     */
    record Step(int target, int seekTo) {
        boolean seeks() {
            return seekTo >= 0;
        }
    }

    private final int seekPenalty;

    DecodePlanner(int seekPenalty) {
        this.seekPenalty = seekPenalty;
    }

    DecodePlanner() {
        this(DEFAULT_SEEK_PENALTY);
    }

    /** Plans the samples (decode indices, in the order they will be produced). */
    List<Step> plan(VideoIndex index, int[] targets) {
        boolean[] needed = neededPackets(index, targets);
        int[] prefix = new int[index.size() + 1];
        for (int i = 0; i < index.size(); i++) {
            prefix[i + 1] = prefix[i] + (needed[i] ? 1 : 0);
        }
        int[] keys = keyIndices(index);
        List<Step> steps = new ArrayList<>(targets.length);
        int fed = -1;
        for (int target : targets) {
            if (target <= fed) {
                steps.add(new Step(target, -1));
                continue;
            }
            int forwardCost = prefix[target + 1] - prefix[fed + 1];
            int key = keyAtOrBefore(index, keys, target);
            int seekTo = -1;
            if (key > fed) {
                int seekCost = prefix[target + 1] - prefix[key] + seekPenalty;
                if (seekCost < forwardCost) {
                    seekTo = key;
                }
            }
            steps.add(new Step(target, seekTo));
            fed = target;
        }
        return steps;
    }

    /** Packets the decoder must see: everything something may reference, and the samples themselves. */
    static boolean[] neededPackets(VideoIndex index, int[] targets) {
        boolean[] needed = new boolean[index.size()];
        for (int i = 0; i < needed.length; i++) {
            needed[i] = !index.isDroppable(i);
        }
        for (int t : targets) {
            needed[t] = true;
        }
        return needed;
    }

    /** Number of packets a plan feeds to the decoder, not counting what the decoder's reorder delay adds. */
    static int packetsDecoded(VideoIndex index, int[] targets, List<Step> steps) {
        boolean[] needed = neededPackets(index, targets);
        int fed = -1;
        int count = 0;
        for (Step step : steps) {
            int from = step.seeks() ? step.seekTo() : fed + 1;
            for (int i = from; i <= step.target(); i++) {
                if (needed[i]) {
                    count++;
                }
            }
            fed = Math.max(fed, step.target());
        }
        return count;
    }

    /** The keyframe to seek to for a target when the decoder's state is lost, or 0 when there is none. */
    static int keyFor(VideoIndex index, int target) {
        int key = keyAtOrBefore(index, keyIndices(index), target);
        return Math.max(key, 0);
    }

    private static int[] keyIndices(VideoIndex index) {
        int count = 0;
        for (int i = 0; i < index.size(); i++) {
            if (index.isKey(i)) {
                count++;
            }
        }
        int[] keys = new int[count];
        for (int i = 0, j = 0; i < index.size(); i++) {
            if (index.isKey(i)) {
                keys[j++] = i;
            }
        }
        return keys;
    }

    /**
     * The last keyframe at or before the target in decode order that is also not shown after it: a frame shown
     * before its keyframe (open-GOP leading picture) may depend on the previous group, so it needs an earlier key.
     */
    private static int keyAtOrBefore(VideoIndex index, int[] keys, int target) {
        int lo = 0;
        int hi = keys.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= target) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        long targetPts = index.pts(target);
        while (found >= 0 && index.pts(keys[found]) > targetPts) {
            found--;
        }
        return found >= 0 ? keys[found] : -1;
    }
}
