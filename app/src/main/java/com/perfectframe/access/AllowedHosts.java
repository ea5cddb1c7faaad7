package com.perfectframe.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request may carry in its {@code Host} header, against DNS rebinding: a web page whose name is made to
 * resolve to this machine reaches the service with its own name in {@code Host}, so a name the service was not
 * published under is refused.
 *
 * <p>Always accepted: {@code localhost} and names under {@code .localhost} (browsers resolve them to loopback
 * themselves), and IP addresses written as such ({@code 127.0.0.1}, {@code [::1]}, {@code 192.168.1.20}): no DNS answer
 * is involved, so no page can rebind them. Accepted besides: the names of {@code perfectframe.allowed-hosts}, exactly,
 * or every name under an entry that starts with a dot; {@code *} accepts any name.
 */
final class AllowedHosts {

    private final Set<String> exact = new HashSet<>();
    private final List<String> suffixes = new ArrayList<>();
    private final boolean any;

    AllowedHosts(List<String> configured) {
        boolean anyName = false;
        for (String entry : configured) {
            String name = normal(entry.trim());
            if (name.equals("*")) {
                anyName = true;
            } else if (name.startsWith(".") && name.length() > 1) {
                suffixes.add(name);
            } else if (!name.isEmpty()) {
                exact.add(name);
            }
        }
        this.any = anyName;
        exact.add("localhost");
        suffixes.add(".localhost");
    }

    /** Whether a request naming this host (the {@code Host} header's name, without the port) is answered. */
    boolean allows(String host) {
        if (any || host == null || host.isEmpty()) {
            return true; // no Host header at all (HTTP/1.0): not a browser, which always sends one
        }
        String name = normal(host);
        if (exact.contains(name) || isAddress(name)) {
            return true;
        }
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    /** An IPv4 address in dotted-quad form or a bracketed IPv6 address (as a Host header writes it); never looked up. */
    static boolean isAddress(String name) {
        if (name.startsWith("[") && name.endsWith("]")) {
            return isIpv6(name.substring(1, name.length() - 1));
        }
        return isIpv4(name);
    }

    private static boolean isIpv4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String literal) {
        int zone = literal.indexOf('%');
        String address = zone < 0 ? literal : literal.substring(0, zone);
        if (address.indexOf(':') < 0
                || !address.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return false;
        }
        try {
            // Bracketed, a literal is parsed and never resolved: an invalid one throws.
            return InetAddress.getByName("[" + literal + "]") != null;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
