/**
 * Who may reach the service and what every answer carries, in one place for both front ends (the JSON API in {@code
 * api}, the page in {@code web}): the request guard (Host names against DNS rebinding, the API token, cross-site
 * refusal, body limits, security headers), the folders requests may use ({@link
 * com.perfectframe.access.AllowedFolders}), the warning of a service reachable from other machines without a token,
 * and how a client's value is quoted in a message ({@link com.perfectframe.access.Excerpt}). It depends on neither
 * front end.
 */
package com.perfectframe.access;
