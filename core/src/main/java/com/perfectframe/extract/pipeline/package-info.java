/**
 * The machinery the extraction pipelines are built from, free of video, images and native code: a {@link
 * com.perfectframe.extract.pipeline.Stage} (worker threads, one bounded queue, item ownership), failures typed
 * with their stage and input ({@link com.perfectframe.extract.pipeline.StageFailure}), and {@link
 * com.perfectframe.extract.pipeline.Cancellation}.
 */
package com.perfectframe.extract.pipeline;
