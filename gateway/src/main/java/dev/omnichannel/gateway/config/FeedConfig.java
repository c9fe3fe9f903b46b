package dev.omnichannel.gateway.config;

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

    /**
     * {@code consumer}: the rebalance protocol of KIP-848 (Kafka 4), assignments are incremental and
     * the other replicas keep reading meanwhile; {@code classic} for older brokers.
     */
    @WithDefault("consumer")
    String viewGroupProtocol();

    /**
     * How long a read waits for the stock levels its caller's own writes changed (read your writes,
     * across replicas): past it, the read answers with what the stock model holds.
     */
    @WithDefault("1s")
    Duration readYourWritesWait();
}
