package com.perfectframe.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request passes before any controller, page or file, for the JSON API and the web page alike. In order:
 *
 * <ol>
 *   <li><b>Headers</b> on every answer, refusals included ({@link SecurityHeaders}): no framing, a CSP, nosniff, no
 *       referrer.
 *   <li><b>Host</b>: a name the service is not reached by ({@link AllowedHosts}: DNS rebinding) gets 421.
 *   <li><b>Token</b> ({@code perfectframe.api-token}, unset by default): when set, every request but {@code
 *       /actuator/health} needs {@code Authorization: Bearer TOKEN}, or the cookie a browser gets by opening the page
 *       once as {@code /ui/?token=TOKEN} (the address is then redirected to {@code /ui/} so that the token leaves the
 *       address bar and history). Otherwise 401.
 *   <li><b>Cross-site</b> ({@link CrossSite}): a POST, PUT, PATCH or DELETE from another origin gets 403.
 *   <li><b>Body size</b> ({@link BodyLimit}): larger gets 413.
 * </ol>
 *
 * Each refusal is a JSON problem body like every other error. The checks are a few string comparisons, so that
 * {@code GET /} stays as fast as without them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> PAGES = Set.of("/", "/ui", "/ui/", "/ui/index.html");

    private final AllowedHosts hosts;
    private final ApiToken token;

    RequestGuard(AccessSettings settings) {
        this.hosts = new AllowedHosts(settings.allowedHosts());
        this.token = settings.tokenRequired() ? new ApiToken(settings.apiToken()) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        SecurityHeaders.apply(path, response);
        if (request.getHeader(HttpHeaders.HOST) != null && !hosts.allows(request.getServerName())) {
            Refusal.send(
                    response,
                    HttpStatus.MISDIRECTED_REQUEST,
                    "Host not served",
                    "This service does not answer to the name '" + Excerpt.of(request.getServerName())
                            + "'. If it is published under that name, add it to perfectframe.allowed-hosts.");
            return;
        }
        if (token != null && !isHealth(path) && !tokenAccepted(request, response, path)) {
            return;
        }
        if (CHANGING.contains(request.getMethod())) {
            String refusal = CrossSite.refusal(request);
            if (refusal != null) {
                Refusal.send(response, HttpStatus.FORBIDDEN, "Cross-site request refused", refusal);
                return;
            }
            long limit = BodyLimit.of(path);
            if (request.getContentLengthLong() > limit) {
                Refusal.send(
                        response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large", BodyLimit.tooLarge(limit));
                return;
            }
            request = BodyLimit.limited(request, limit);
        }
        chain.doFilter(request, response);
    }

    /** Whether the request goes on; if not, the answer (401, or the redirect that sets the cookie) is sent. */
    private boolean tokenAccepted(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String offered =
                "GET".equals(request.getMethod()) && PAGES.contains(path) ? request.getParameter("token") : null;
        if (offered != null) {
            if (!token.matches(offered)) {
                Refusal.send(
                        response, HttpStatus.UNAUTHORIZED, "Unauthorized", "The token in the address is not valid.");
                return false;
            }
            response.addHeader(
                    HttpHeaders.SET_COOKIE, token.cookie(request.isSecure()).toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, "/ui/");
            return false;
        }
        if (token.authorizes(request)) {
            return true;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"perfectframe\"");
        Refusal.send(
                response,
                HttpStatus.UNAUTHORIZED,
                "Unauthorized",
                "This service requires its API token: send 'Authorization: Bearer TOKEN', or open the page"
                        + " once as /ui/?token=TOKEN.");
        return false;
    }

    private static boolean isHealth(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }
}
