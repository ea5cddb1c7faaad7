/**
 * Cheap measures of one picture (sharpness, exposure, flatness, a perceptual hash, a tiny colour thumbnail) and the
 * comparisons built on them (near-duplicates, dissolves and fades). They let selection rules drop blurred, black or
 * blown-out samples, repeats of the same shot and mid-transition frames before or besides the costly NIMA score,
 * for every sample of a video. A leaf package: it depends only on OpenCV, on no other part of PerfectFrame.
 */
package com.perfectframe.quality;
