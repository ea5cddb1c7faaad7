package com.perfectframe.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * Refuses requests that change something and come from another site through a visitor's browser. The request's own
 * origin is its scheme, its {@code Host} (already accepted by {@link AllowedHosts}, so a rebinding page cannot make
 * its own name the service's) and its port.
 */
final class CrossSite {

    private CrossSite() {}

    /** Why a state-changing request is refused as cross-site, or null when it is same-origin or has no origin. */
    static String refusal(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            return "A request from another site (Sec-Fetch-Site: cross-site) may not change anything here.";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return null;
        }
        if (!sameOrigin(origin.trim(), request)) {
            return "A request from another origin (" + Excerpt.of(origin)
                    + ") may not change anything here; only this service's own page and clients without an Origin"
                    + " header may.";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(scheme, uri.getPort()) == port(request.getScheme(), request.getServerPort());
        } catch (Exception e) {
            return false;
        }
    }

    private static int port(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
