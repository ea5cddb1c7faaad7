package com.perfectframe.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may reach the service, bound from {@code perfectframe.*}: the one owner of these settings' names and defaults.
 *
 * @param apiToken when set, every request but the health check needs it ({@link ApiToken}); unset by default
 * @param allowedHosts names, besides loopback names and IP addresses, that requests may carry in their {@code Host}
 *     header: the names the service is published under ({@code photos.example.org}; {@code .example.org} for every
 *     name under it; {@code *} for any, when a proxy in front checks the name). Empty by default.
 * @param publishedAddress the address the service's port is published on outside its container (Compose sets it):
 *     the service is told it is reachable beyond this machine when this is not a loopback address, rather than when
 *     it listens on all of its container's interfaces. Unset outside containers.
 */
@ConfigurationProperties("perfectframe")
public record AccessSettings(String apiToken, List<String> allowedHosts, String publishedAddress) {

    public AccessSettings {
        apiToken = apiToken == null ? "" : apiToken.trim();
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        publishedAddress = publishedAddress == null ? "" : publishedAddress.trim();
    }

    /** Whether requests must carry the token. */
    public boolean tokenRequired() {
        return !apiToken.isEmpty();
    }
}
