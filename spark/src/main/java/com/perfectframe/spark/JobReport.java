package com.perfectframe.spark;

import java.time.Duration;
import java.util.Locale;

/**
 * What a run did: inputs found new, fully processed and failed, pictures added to the output, and how long it took.
 *
 * @param inputs inputs this run looked at (those earlier runs finished are not counted)
 * @param processed inputs fully processed
 * @param failed inputs with an error row (failed, or cut short and to be tried again)
 * @param pictures pictures added to the output folder and its manifest
 */
record JobReport(String unit, int inputs, long processed, long failed, long pictures, Duration elapsed) {

    boolean allFailed() {
        return inputs > 0 && processed == 0 && failed > 0;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%d %s new, %d processed, %d with errors (see errors.parquet), %d pictures added, in %.1f s",
                inputs,
                unit,
                processed,
                failed,
                pictures,
                elapsed.toMillis() / 1000.0);
    }
}
