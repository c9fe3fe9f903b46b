package dev.omnichannel.gateway.support;

import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import java.util.UUID;

/** Publishes stock levels as inventory-service does, on the test run's compacted stock topic. */
public final class StockLevels {

    private StockLevels() {
    }

    /** A SKU no other run has used: the read model has no level for it until a test publishes one. */
    public static String newSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static void publish(String sku, String locationId, int available, long version) {
        Events.publish(GatewayTestStack.STOCK_TOPIC, StockLevelChanged.key(sku, locationId), new StockLevelChanged(sku,
                locationId, available, 0, available, 0, version, "receipt", available, "test"));
    }
}
