/**
 * The output folder: prepared and locked for a job ({@link com.perfectframe.extract.output.OutputFolder}), files
 * written atomically under names that never collide ({@link com.perfectframe.extract.output.OutputFiles}, {@link
 * com.perfectframe.extract.output.OutputNames}), a video's outputs staged and committed as a unit with its rename
 * ({@link com.perfectframe.extract.output.OutputStaging}, {@link com.perfectframe.extract.output.StagedVideo},
 * {@link com.perfectframe.extract.output.CommitJournal}, {@link com.perfectframe.extract.output.VideoRenamer}), and
 * the tables that list what was written ({@link com.perfectframe.extract.output.Manifest}, {@link
 * com.perfectframe.extract.output.ManifestReader}, {@link com.perfectframe.extract.output.SamplesCsv}).
 */
package com.perfectframe.extract.output;
