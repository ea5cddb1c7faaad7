/**
 * Pictures between decoding and the output folder: NIMA's preprocessing (Lanczos resize to 224×224, BGR→RGB,
 * normalisation as the weights were trained) and encoding (OpenCV through JavaCV).
 */
package com.perfectframe.image;
