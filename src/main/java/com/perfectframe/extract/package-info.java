/**
 * The extraction jobs (frames, best frames, top images): which inputs they take, what they keep, and how outputs are
 * named and written (atomically, never overwriting, listed in a manifest).
 */
package com.perfectframe.extract;
