/**
 * How text reaches a log or a terminal: one line each ({@link com.perfectframe.logging.OneLine}), whatever names it
 * quotes; used by the command line, the service's log and the API's error messages alike.
 */
package com.perfectframe.logging;
