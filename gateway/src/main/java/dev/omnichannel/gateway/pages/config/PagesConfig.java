package dev.omnichannel.gateway.pages.config;

import io.smallrye.config.ConfigMapping;

/** Where the browser pages served by the gateway find Keycloak (as the browser reaches it). */
@ConfigMapping(prefix = "omni.pages")
public interface PagesConfig {

    /** Keycloak's base URL as seen from the browser, e.g. {@code http://localhost:8180}. */
    String keycloakUrl();

    String realm();
}
