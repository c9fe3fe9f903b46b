package dev.omnichannel.gateway.security.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "omni.kiosk")
public interface KioskConfig {

    /** How long after identifying a customer (a store visit) a kiosk may act for them. */
    @WithDefault("30m")
    Duration identificationWindow();
}
