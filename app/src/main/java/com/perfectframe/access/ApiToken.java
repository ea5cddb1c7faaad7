package com.perfectframe.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The configured API token, compared in constant time, and the cookie a browser holds instead of it: a hash of the
 * token, so the cookie never carries the token itself.
 */
final class ApiToken {

    static final String COOKIE = "perfectframe_token";

    private final byte[] token;
    private final byte[] cookieValue;

    ApiToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.cookieValue = sha256("perfectframe cookie\n" + token).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether a token offered (in the page's address) is this one. */
    boolean matches(String offered) {
        return MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries the token as a bearer token or the cookie. */
    boolean authorizes(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(header.substring(7).trim());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())
                        && MessageDigest.isEqual(cookieValue, cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The browser session's cookie: HttpOnly, SameSite=Strict, Secure over HTTPS. */
    ResponseCookie cookie(boolean secure) {
        return ResponseCookie.from(COOKIE, new String(cookieValue, StandardCharsets.US_ASCII))
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
