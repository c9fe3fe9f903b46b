package dev.omnichannel.gateway.kiosk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The kiosk devices allowed to open a kiosk session ({@code POST /kiosk/session}), by name. Each
 * presents its own device key; the Keycloak client whose token it gets (a named oidc-client, which
 * holds the client secret) decides the store the kiosk acts for (its {@code store_id} claim).
 */
@ConfigMapping(prefix = "omni.kiosk-session")
public interface KioskSessionConfig {

    Map<String, Device> devices();

    interface Device {

        /** A secret shared with this one device; never the Keycloak client secret. */
        String key();

        /** The {@code quarkus.oidc-client.<name>} whose client-credentials token this device gets. */
        @WithDefault("kiosk")
        String oidcClient();
    }
}
