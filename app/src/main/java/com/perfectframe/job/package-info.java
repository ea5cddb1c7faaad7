/** The single job slot: at most one extraction runs at a time; its progress and the last job's outcome. */
package com.perfectframe.job;
