package dev.omnichannel.shared.events;

/**
 * The Kafka topics of the suite and the key each is partitioned by. On the broker each is named
 * with the configured {@code omni.kafka.topic-prefix} in front (empty by default; {@code test.}
 * for the modules' own tests, so they never share topics with a running suite).
 */
public final class Topics {

    /** Key: customer id. Published by customer-service. */
    public static final String CUSTOMER_EVENTS = "customer.events";
    /** Key: {@code sku@locationId}; compacted, the latest level of each key wins. Published by inventory-service. */
    public static final String INVENTORY_STOCK = "inventory.stock";
    /**
     * Key: {@code product:<sku>}, {@code promotion:<id>} or {@code location:<id>}; compacted, the
     * latest state of each product, promotion and location wins. Published by inventory-service.
     */
    public static final String INVENTORY_CATALOG = "inventory.catalog";
    /** Key: reservation, order or return id. Published by inventory-service. */
    public static final String INVENTORY_FULFILMENT = "inventory.fulfilment";
    /** Key: customer id. Published by messaging-service. */
    public static final String MESSAGING_EVENTS = "messaging.events";
    /** Key: customer id. Published by the gateway. */
    public static final String INTERACTIONS = "interactions";

    private Topics() {
    }
}
