package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;
import java.math.BigDecimal;

/**
 * {@code catalog.product-changed} on the compacted {@code inventory.catalog}, key
 * {@code product:<sku>}: the product after a change. {@code version} increases with every change
 * of this product; a consumer keeps the highest it saw.
 */
public record ProductChanged(String sku, String name, String description, BigDecimal price, String currency,
        long version) implements EventData {

    public static final String TYPE = "catalog.product-changed";

    public static String key(String sku) {
        return "product:" + sku;
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
