package dev.omnichannel.gateway.availability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "omni.stock-feed")
public interface StockFeedConfig {

    @WithDefault("true")
    boolean enabled();

    /** The compacted topic of StockLevelChanged events, key {@code sku@location}. */
    @WithDefault("inventory.stock")
    String topic();

    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    @WithDefault("500ms")
    Duration pollTimeout();
}
