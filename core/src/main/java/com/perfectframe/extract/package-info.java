/**
 * The extraction jobs (frames, best frames, top images) as pipelines of named stages: {@link
 * com.perfectframe.extract.VideoPipeline} (decode → prepare → score → select → write) and {@link
 * com.perfectframe.extract.ImagePipeline} (read → prepare → score → select → copy), put together per request by
 * {@link com.perfectframe.extract.ExtractorFactory} from the process's {@link
 * com.perfectframe.extract.PipelineSettings}; which inputs they take, and how outputs are named and written
 * (atomically, never overwriting, listed in a manifest). Free of Spring and of the command line, so other
 * runtimes can drive the same pipelines.
 */
package com.perfectframe.extract;
