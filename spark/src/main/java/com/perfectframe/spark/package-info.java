/**
 * The extractors as an Apache Spark job over a whole archive (docs/scale-out.md): one task per video, largest first;
 * each executor JVM loads the model once; pictures are written through Hadoop's FileSystem API and committed only by a
 * task attempt that succeeded, under the same names as the command line writes; the manifest is a Parquet (and CSV)
 * table. The pipeline itself is the core's, unchanged: a task runs it on one video in a local scratch folder.
 */
package com.perfectframe.spark;
