package com.perfectframe.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the service can be reached from other machines without a token, said loudly at start and in every {@code
 * GET /} ({@code warnings}) for as long as it runs: such a service lets anyone on the network start jobs and see the
 * pictures under the allowed folders.
 *
 * <p>Reachable from elsewhere means listening on an address that is not a loopback one ({@code server.address}; unset
 * is every interface). In a container, where the service always listens on every interface of its own, the address
 * the port is published on outside decides instead, when Compose tells it ({@code perfectframe.published-address}).
 */
@Component
public class Exposure implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(Exposure.class);

    private final List<String> warnings;

    Exposure(AccessSettings settings, Environment environment) {
        String listening = environment.getProperty("server.address", "");
        String reachedAt = settings.publishedAddress().isEmpty() ? listening : settings.publishedAddress();
        if (settings.tokenRequired() || isLoopback(reachedAt)) {
            this.warnings = List.of();
        } else {
            String where = reachedAt.isBlank() ? "every network interface" : "'" + reachedAt + "'";
            this.warnings = List.of("This service can be reached from other machines (it is published on " + where
                    + ") and no API token is set: anyone who reaches it can start jobs and see the pictures under"
                    + " its allowed folders. Set perfectframe.api-token (PERFECTFRAME_API_TOKEN), or listen on"
                    + " 127.0.0.1 only.");
        }
    }

    /** What a client should know about the service's exposure; empty when it is reachable only from this machine. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        for (String warning : warnings) {
            log.warn("SECURITY WARNING (port {}): {}", event.getWebServer().getPort(), warning);
        }
    }

    /** Whether an address (or a name, resolved) is a loopback one; blank means every interface, which is not. */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        try {
            for (InetAddress resolved : InetAddress.getAllByName(literal)) {
                if (!resolved.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
