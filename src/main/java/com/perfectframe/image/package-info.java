/**
 * Image handling between decoding and scoring: for now NIMA's preprocessing (Lanczos resize to 224×224, BGR→RGB,
 * float normalisation as the weights were trained).
 */
package com.perfectframe.image;
