package com.perfectframe.spark;

import java.io.Serializable;

/**
 * What a video task does between uploading its pictures and committing them: nothing in a real job. It is the seam
 * where the tests make a first attempt fail as a lost executor would, to prove that the retry commits each picture
 * once; production code passes {@link #NONE}.
 */
@FunctionalInterface
interface AttemptHook extends Serializable {

    AttemptHook NONE = (video, task) -> {};

    void afterUpload(InputFile video, TaskIdentity task);
}
