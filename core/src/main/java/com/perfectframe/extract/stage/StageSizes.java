package com.perfectframe.extract.stage;

/**
 * How big a pipeline's stages are, in both pipelines: threads of the preparing and writing stages, the most pictures
 * per model call, and the memory for decoded pictures between decoding and writing.
 */
public record StageSizes(int prepareThreads, int writerThreads, int inferenceBatch, long frameBudgetBytes) {}
