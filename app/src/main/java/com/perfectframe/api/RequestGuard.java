package com.perfectframe.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * What every request passes before any controller, page or file: the optional API token, the refusal of cross-site
 * requests that change something, and the body size limit. Each refusal is a JSON problem body like every other
 * error.
 *
 * <ul>
 *   <li><b>Token</b> ({@code perfectframe.api-token}, unset by default): when set, every request but {@code
 *       /actuator/health} needs {@code Authorization: Bearer TOKEN}, or the cookie a browser gets by opening the page
 *       once as {@code /ui/?token=TOKEN} (HttpOnly, SameSite=Strict, for the browser session; the address is then
 *       redirected to {@code /ui/} so that the token leaves the address bar and history). Otherwise 401.
 *   <li><b>Cross-site</b>: a POST, PUT, PATCH or DELETE whose {@code Origin} is not the request's own
 *       scheme://host:port, or marked {@code Sec-Fetch-Site: cross-site}, gets 403: a web page elsewhere cannot start
 *       jobs through a visitor's browser. Clients that send no {@code Origin} (curl, scripts) pass.
 *   <li><b>Body size</b>: at most {@value #MAX_BODY} bytes ({@value #MAX_FORM_BODY} for the gallery's zip form, which
 *       lists picture names); larger gets 413.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

    static final int MAX_BODY = 64 * 1024;
    static final int MAX_FORM_BODY = 1024 * 1024;
    static final String COOKIE = "perfectframe_token";

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> PAGES = Set.of("/", "/ui", "/ui/", "/ui/index.html");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] token;
    private final String cookieValue;

    RequestGuard(@Value("${perfectframe.api-token:}") String token) {
        String trimmed = token == null ? "" : token.trim();
        this.token = trimmed.isEmpty() ? null : trimmed.getBytes(StandardCharsets.UTF_8);
        this.cookieValue = this.token == null ? null : sha256("perfectframe cookie\n" + trimmed);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token != null && !isHealth(request)) {
            String offered = "GET".equals(request.getMethod()) && PAGES.contains(request.getRequestURI())
                    ? request.getParameter("token")
                    : null;
            if (offered != null) {
                if (!same(offered)) {
                    refuse(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "The token in the address is not valid.");
                    return;
                }
                ResponseCookie cookie = ResponseCookie.from(COOKIE, cookieValue)
                        .path("/")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .build();
                response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader(HttpHeaders.LOCATION, "/ui/");
                return;
            }
            if (!authorized(request)) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"perfectframe\"");
                refuse(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "Unauthorized",
                        "This service requires its API token: send 'Authorization: Bearer TOKEN', or open the page"
                                + " once as /ui/?token=TOKEN.");
                return;
            }
        }
        if (CHANGING.contains(request.getMethod())) {
            String refusal = crossSite(request);
            if (refusal != null) {
                refuse(response, HttpStatus.FORBIDDEN, "Cross-site request refused", refusal);
                return;
            }
            long limit = "/gallery/zip".equals(request.getRequestURI()) ? MAX_FORM_BODY : MAX_BODY;
            if (request.getContentLengthLong() > limit) {
                refuse(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge(limit));
                return;
            }
            if (request.getContentLengthLong() < 0) {
                request = new LimitedBody(request, limit);
            }
        }
        chain.doFilter(request, response);
    }

    static String tooLarge(long limit) {
        return "The request body is larger than " + limit / 1024 + " KB, the most this service accepts.";
    }

    private static boolean isHealth(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private boolean authorized(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return same(header.substring(7).trim());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())
                        && MessageDigest.isEqual(
                                cookieValue.getBytes(StandardCharsets.US_ASCII),
                                cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Constant-time comparison with the configured token. */
    private boolean same(String offered) {
        return MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
    }

    /** Why a state-changing request is refused as cross-site, or null when it is same-origin or has no origin. */
    static String crossSite(HttpServletRequest request) {
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

    static void refuse(HttpServletResponse response, HttpStatus status, String error, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", error);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("error", error);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown by a body stream that goes past the limit; answered with 413 by {@link ApiErrors}. */
    static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super(tooLarge(limit));
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** A request whose body (of unknown length: chunked) is cut off at the limit. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            counted(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            counted(n);
                        }
                        return n;
                    }

                    private void counted(int n) throws IOException {
                        count += n;
                        if (count > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
