/**
 * The extractors' options as picocli mixins, in one place for every front end that parses a command line (the
 * application's commands and the Spark job): one name, one description and one default per option.
 */
package com.perfectframe.options;
