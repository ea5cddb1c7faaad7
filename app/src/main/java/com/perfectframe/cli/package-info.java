/**
 * The command line (picocli): the extractor commands run in this process (no web server), {@code serve} starts the
 * REST service, {@code model} and {@code benchmark} handle the NIMA model; long work shows a progress bar on a
 * terminal.
 */
package com.perfectframe.cli;
