/**
 * The web page for people, served by the same service as the JSON API: the page itself (static files under {@code
 * /ui/}), the redirect that sends browsers from {@code /} to it, the folder list its form offers, and the gallery of
 * an output folder (its manifest, the pictures, cached thumbnails, a zip of a selection).
 *
 * <p>Every file it serves is named by an output folder's {@code manifest.csv} and lies directly in that folder, which
 * lies under {@code perfectframe.allowed-roots}; a client only chooses among those names ({@link
 * com.perfectframe.web.GalleryFolder}). It never writes to an input or output folder and deletes nothing; thumbnails
 * go to a cache folder of their own ({@link com.perfectframe.web.Thumbnails}).
 */
package com.perfectframe.web;
