/**
 * The command line: the extractor commands run in this process (no web server), {@code serve} starts the REST
 * service, and long work shows a progress bar on a terminal.
 */
package com.perfectframe.cli;
