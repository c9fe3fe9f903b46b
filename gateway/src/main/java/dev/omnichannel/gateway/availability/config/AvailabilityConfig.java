package dev.omnichannel.gateway.availability.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "omni.availability")
public interface AvailabilityConfig {

    /** Radius of "nearby" when the caller gives coordinates without one, and of the QR landing's nearby stores. */
    @WithDefault("25")
    double defaultRadiusKm();
}
