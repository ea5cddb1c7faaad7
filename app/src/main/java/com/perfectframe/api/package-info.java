/**
 * The REST API: start an extractor, read the job status; the original tool's {@code /v2} paths too. Every error is a
 * JSON body, produced in one place ({@link com.perfectframe.api.ApiErrors}).
 */
package com.perfectframe.api;
