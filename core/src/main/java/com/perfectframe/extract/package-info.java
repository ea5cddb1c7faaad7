/**
 * The front door of the extraction jobs (frames, best frames, top images): {@link
 * com.perfectframe.extract.ExtractorFactory} builds, from the process's {@link
 * com.perfectframe.extract.PipelineSettings}, the {@link com.perfectframe.extract.Extractor} an {@link
 * com.perfectframe.extract.ExtractionRequest} asks for; each extractor lists its inputs ({@link
 * com.perfectframe.extract.InputFiles}), opens its output folder ({@link com.perfectframe.extract.OutputJob}) and
 * runs a pipeline. Free of Spring and of the command line, so other runtimes can drive the same pipelines.
 *
 * <p>Sub-packages, in the order of the data flow: {@code video} and {@code image} (the two pipelines, one class per
 * stage), {@code select} (which pictures are kept), {@code output} (the output folder: staging, commit journal,
 * manifest, names), {@code stage} (the queue machinery both pipelines are built from), {@code run} (what a running
 * job reports, and how it stops).
 */
package com.perfectframe.extract;
