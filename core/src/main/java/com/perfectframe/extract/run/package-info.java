/**
 * What a running extraction job reports and how it stops, shared by the pipelines and every front end: live
 * {@link com.perfectframe.extract.run.ExtractionProgress}, the final {@link
 * com.perfectframe.extract.run.ExtractionSummary}, the job's one-sentence {@link
 * com.perfectframe.extract.run.ExtractionException}, and {@link com.perfectframe.extract.run.Cancellation}.
 */
package com.perfectframe.extract.run;
