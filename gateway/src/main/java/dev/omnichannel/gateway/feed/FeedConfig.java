package dev.omnichannel.gateway.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The gateway's read models and the topics that feed them. */
@ConfigMapping(prefix = "omni.feeds")
public interface FeedConfig {

    /** Off only in tests that need no read model: availability and the view then come from nowhere. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
    String bootstrapServers();

    @WithDefault("500ms")
    Duration pollTimeout();

    /** The compacted topic of StockLevelChanged events, key {@code sku@location}. */
    @WithDefault("inventory.stock")
    String stockTopic();

    /** The compacted topic of the catalogue: ProductChanged and PromotionChanged. */
    @WithDefault("inventory.catalog")
    String catalogTopic();

    @WithDefault("customer.events")
    String customerTopic();

    @WithDefault("inventory.fulfilment")
    String fulfilmentTopic();

    @WithDefault("messaging.events")
    String messagingTopic();

    /** The consumer group of the view model's writers: the replicas share the partitions. */
    @WithDefault("gateway-view")
    String viewGroup();

    ReadYourWrites readYourWrites();

    interface ReadYourWrites {

        /**
         * Before an availability read or a view, wait until the stock and catalogue models hold what
         * the topics held when the read arrived: a change another replica acknowledged is then seen
         * here too. Bounded by {@link #barrierTimeout()}: past it, the read answers with what it has.
         */
        @WithDefault("true")
        boolean barrier();

        @WithDefault("250ms")
        Duration barrierTimeout();

        /**
         * A stock write through the gateway is answered once this replica's stock model holds the
         * levels it changed (the event is then on the topic, so every replica's barrier sees it);
         * bounded by this time.
         */
        @WithDefault("2s")
        Duration writeTimeout();
    }
}
