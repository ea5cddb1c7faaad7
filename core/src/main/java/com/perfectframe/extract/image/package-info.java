/**
 * The image pipeline of top images: read + prepare ({@link com.perfectframe.extract.image.ImagePreparer}) → score →
 * select (a percentile of every score) → copy ({@link com.perfectframe.extract.image.ImageCopier}) and list ({@link
 * com.perfectframe.extract.image.ManifestListing}), wired by {@link com.perfectframe.extract.image.ImagePipeline}.
 */
package com.perfectframe.extract.image;
