package com.perfectframe.extract.stage;

import com.perfectframe.quality.PictureMeasures;

/**
 * What the preparing stage makes of a sample: the model's input, and the picture's measures when a selection rule
 * needs them (null otherwise). Both come from the one full-size picture, so nothing is converted twice.
 */
public record PreparedPicture(float[] input, PictureMeasures measures) {}
