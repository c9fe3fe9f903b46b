package dev.omnichannel.gateway.view;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "omni.view")
public interface ViewConfig {

    /** The personalized view answers within this time; a part not there by then is listed in {@code missing}. */
    @WithDefault("300ms")
    Duration budget();
}
