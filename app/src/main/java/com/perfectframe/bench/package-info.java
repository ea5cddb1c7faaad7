/**
 * Speed measurements behind the {@code benchmark} command, printed side by side with their references (the fp32
 * matrix-multiply peak for NIMA, the sum of the stages alone for the pipeline). Nothing in the product depends on
 * this package.
 */
package com.perfectframe.bench;
