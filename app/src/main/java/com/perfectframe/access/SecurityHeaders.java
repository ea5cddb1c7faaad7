package com.perfectframe.access;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers every answer carries, so that no other site can frame the page (a click there would start a job here),
 * nor make a browser read an answer as something else, nor learn the addresses a visitor came from.
 *
 * <ul>
 *   <li>{@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}: never shown in a frame.
 *   <li>The page ({@code /ui/}): a Content Security Policy allowing only its own files (no inline script, nothing
 *       from elsewhere; pictures also as {@code data:} and {@code blob:}); other answers (JSON, pictures, zips): none
 *       at all but images and inline styles, which a browser's own picture view uses. Swagger UI keeps only {@code
 *       frame-ancestors}, as it needs inline code of its own.
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (not {@code no-referrer}, with which a browser sends {@code Origin: null} on the page's own form posts), {@code
 *       Cross-Origin-Resource-Policy: same-origin} (another site cannot even embed a picture).
 * </ul>
 */
final class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data: blob:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String OTHER_POLICY =
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline';" + " frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void apply(String path, HttpServletResponse response) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", policy(path));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static String policy(String path) {
        if (path.startsWith("/ui")) {
            return PAGE_POLICY;
        }
        if (path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs")) {
            return SWAGGER_POLICY;
        }
        return OTHER_POLICY;
    }
}
