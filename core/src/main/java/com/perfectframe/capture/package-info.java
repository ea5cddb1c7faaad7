/**
 * When, where and with what a picture was taken, as plain values: read from a video's container ({@code
 * video.container}) or a photo's EXIF ({@code image.metadata}), written into pictures ({@code image.metadata}) and
 * the manifest ({@code extract.output}). A leaf: it imports no other project package.
 */
package com.perfectframe.capture;
