/**
 * The command line (picocli). For now the NIMA tools: {@code model info|convert|synthesize} and
 * {@code benchmark}, each runnable on its own until they are registered under the top-level command.
 */
package com.perfectframe.cli;
