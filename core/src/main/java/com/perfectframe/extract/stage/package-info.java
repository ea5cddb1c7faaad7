/**
 * The machinery both extraction pipelines are built from, free of video, images and native code: a {@link
 * com.perfectframe.extract.stage.Stage} (worker threads, one bounded queue, item ownership), failures typed with
 * their stage and input ({@link com.perfectframe.extract.stage.StageFailure}), the job's stop flag ({@link
 * com.perfectframe.extract.stage.JobState}), the memory budget for decoded pictures ({@link
 * com.perfectframe.extract.stage.FrameBudget}) and the one call to the model ({@link
 * com.perfectframe.extract.stage.BatchScorer}).
 */
package com.perfectframe.extract.stage;
